# A slot method bound to its object (a method-wrapper, b"x".__mul__), map() over it, over a type
# (complex) and over a lambda, and what each call leaves behind: the argument tuple tp_call gets
# (method-wrappers and complex on every version, map() until 3.9), 2.7's map building a list.
from __future__ import print_function
import sys
import gc

fill = b"x".__mul__
print("wrapper:", sys.getsizeof(fill), sys.getrefcount(b"x") > 2)
print("called:", fill(3), len(fill(40)))
lengths = [1, 2, 3]
made = tuple(map(fill, lengths))
print("map of a wrapper:", made)
squares = list(map(lambda n: n * n, range(5)))
print("map of a lambda:", squares, sys.getsizeof(squares))
numbers = tuple(map(complex, [1.5, -2.0]))
print("complex:", numbers, sys.getsizeof(numbers[0]), complex(0.0, -2.5), complex(3) == 3)
for text in map(fill, [2, 1]):
    print("loop:", text)


def blocks_left(call):
    """Blocks a second call leaves allocated, after gc.collect() has emptied the free lists (the
    first call makes what stays: before 3.11 the code object's frame, and the names C code looks up)."""
    if not hasattr(sys, "getallocatedblocks"):
        return "n/a"
    call()
    gc.collect()
    before = sys.getallocatedblocks()
    call()
    return sys.getallocatedblocks() - before


print("blocks a wrapper call leaves:", blocks_left(lambda: fill(3)))
print("blocks a complex() leaves:", blocks_left(lambda: complex(2.5)))
print("blocks a map() leaves:", blocks_left(lambda: map(fill, lengths)))
gone = complex(1.0, 1.0)
where = id(gone)
del gone
print("a freed complex's block reused by an int of its size class:", id(int("7001")) == where)
