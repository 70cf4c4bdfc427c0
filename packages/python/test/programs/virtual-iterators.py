# 3.15 loops over a list, tuple or str by index, with no iterator object, and keep a local constant
# tuple borrowed: fewer blocks inside the loop, one reference fewer on the tuple.
from __future__ import print_function
import gc
import sys


def inside(seq):
    gc.collect()
    before = sys.getallocatedblocks()
    for item in seq:
        seen = sys.getallocatedblocks() - before
    return seen


def counts():
    t = (1, 2000)
    shown = [sys.getrefcount(t)]
    for item in t:
        shown.append(sys.getrefcount(t))
    return shown


gc.disable()
if hasattr(sys, "getallocatedblocks"):
    print("blocks inside loops:", [inside(s) for s in ([1], (1,), "a", {1: 2}, range(1))])
print("counts of a local constant tuple:", counts())
