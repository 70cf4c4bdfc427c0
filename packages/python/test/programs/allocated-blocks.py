# sys.getallocatedblocks (3.4+) counts pymalloc blocks in use: one per small instance, none for a reused list.
from __future__ import print_function
import gc
import sys
gc.disable()

class P(object):
    pass

if hasattr(sys, "getallocatedblocks"):
    keep = []
    for i in range(100):
        keep.append(None)
    before = sys.getallocatedblocks()
    for i in range(100):
        keep[i] = P()
    print("100 instances", sys.getallocatedblocks() - before)
    before = sys.getallocatedblocks()
    del keep[:]
    print("freed", sys.getallocatedblocks() - before)
else:
    print("no sys.getallocatedblocks on", sys.version_info[0])
