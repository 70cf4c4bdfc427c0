# The argument tuple tp_call gets, seen as a block a call leaves on the tuple free list: a
# method-wrapper and complex() on every version, map() until 3.9 (map_vectorcall: 3.10). And a
# freed complex's block, which no free list keeps.
from __future__ import print_function
import sys
import gc

fill = b"x".__mul__
lengths = [1, 2, 3]


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
