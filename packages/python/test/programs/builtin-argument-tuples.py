# Builtin calls that get their arguments in a tuple (METH_VARARGS, a type's call, 3.11+'s print
# packing its *args) leave it on the emptied tuple free list: a block. Up to 3.8 sys.getsizeof
# binds __sizeof__ in a builtin method object, and up to 3.6 every builtin method call makes one.
from __future__ import print_function
import gc
import sys

gc.disable()
x = [1.5]
s = "{}"
k = gc  # a module: its attributes are found without a bound method
calls = [
    lambda: isinstance(x, list),
    lambda: hasattr(k, "disable"),
    lambda: getattr(k, "collect", None),
    lambda: sys.getsizeof(x),
    lambda: s.format(s),
    lambda: x.append(x.pop(0)),
    lambda: len(x),
]
deltas = []
if hasattr(sys, "getallocatedblocks"):
    for call in calls:
        call()  # the first run makes the frame its code keeps (up to 3.10)
    for call in calls:
        gc.collect()
        before = sys.getallocatedblocks()
        call()
        deltas.append(sys.getallocatedblocks() - before)
print("blocks each call left:", deltas)
