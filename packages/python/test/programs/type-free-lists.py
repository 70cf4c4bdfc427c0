# 3.14 keeps range objects, range, list and tuple iterators and builtin methods on free lists of
# their own: after gc.collect() has emptied them, each one left shows as a block (none before 3.14).
from __future__ import print_function
import gc
import sys

gc.disable()
x = [1.5, 2.5]
t = (1, 2)
runs = [
    lambda: [i for i in range(3)],
    lambda: [i for i in x],
    lambda: [i for i in t],
    lambda: sys.getsizeof(x),
    lambda: "{}".format(t),
]
deltas = []
if hasattr(sys, "getallocatedblocks"):
    for run in runs:
        run()  # first runs: the code's frames and caches
    for run in runs:
        gc.collect()
        before = sys.getallocatedblocks()
        run()
        deltas.append(sys.getallocatedblocks() - before)
print("blocks each run left:", deltas)
