# X01: when do two objects show the same id()? id() is the object's address: unique among objects
# alive at the same time, and handed to the next object as soon as the memory is reused.
from __future__ import print_function
import sys

a = [int("1")]
b = [int("1")]
print("two live lists with equal items, same id:", id(a) == id(b))
print("[] is []:", [] is [])
print("id([]) == id([]):", id([]) == id([]))

address = id(a)
del a
c = [int("2"), int("3")]
print("a new list takes the id of the list freed just before:", id(c) == address)

t = (int("1"), int("2"), int("3"))
address = id(t)
del t
d = {}
print("a new dict takes the id of a freed tuple:", id(d) == address)

# The rest depends on the allocator: a pymalloc pool hands out the block freed into it last first.
if sys.platform == "emscripten":
    print("(object() lines skipped: Pyodide is built without pymalloc)")
else:
    print("id(object()) == id(object()):", id(object()) == id(object()))
    x = object()
    x_address = id(x)
    del x
    p = object()
    y = object()
    y_address = id(y)
    del y
    q = object()
    # One block at a time: with two freed, which comes back first depends on which pool heads the
    # size class's list (a pool that was full goes to the front when a block of it is freed).
    print("the block freed just before is the next one handed out:", id(p) == x_address, id(q) == y_address)
