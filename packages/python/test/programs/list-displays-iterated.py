# A list display iterated by `for` (a comprehension's too) or searched by the last `in` of a
# comparison is a tuple from 3.8 (a constant one from 3.6); one in the middle of a chain is a list.
from __future__ import print_function
import gc
import sys

gc.disable()
a = float("4.5")
b = float("7.5")
start = [0]
seen = []


def comprehension():
    return [sys.getallocatedblocks() - start[0] for x in [a, b]]

if hasattr(sys, "getallocatedblocks"):
    comprehension()  # its frames are made now and kept for the next call (up to 3.10)
    gc.collect()
    start[0] = sys.getallocatedblocks()
    seen.append(comprehension())
    gc.collect()
    start[0] = sys.getallocatedblocks()
    for x in [a, b]:
        seen.append(sys.getallocatedblocks() - start[0])
    gc.collect()
    start[0] = sys.getallocatedblocks()
    a in [a, b] in [seen.append(sys.getallocatedblocks() - start[0])]
    print("blocks: in a comprehension, a for loop, a chained comparison:", seen)
print([sys.getrefcount(x) for x in [4.25, 8.5]])
