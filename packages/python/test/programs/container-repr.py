# Showing a container allocates: the first repr of a process makes Py_ReprEnter's list, a set's repr
# copies its keys into a list, and 3.14 keeps the writer a list's, tuple's or dict's repr used.
from __future__ import print_function
import gc
import sys

gc.disable()
lt = [1.5, "a"]
shown = repr(lt)  # the first repr of a container: its blocks are not counted below
values = [lt, (lt, 2), {1: lt}, {3, 4}, set(), [], ()]
deltas = []
text = ""
if hasattr(sys, "getallocatedblocks"):
    for v in values:
        gc.collect()
        before = sys.getallocatedblocks()
        shown = repr(v)
        text = "%s" % (v,)
        deltas.append(sys.getallocatedblocks() - before)
print("blocks each repr left:", deltas, shown, text)
print(str(lt), "{0!r} {1}".format(lt, (1, lt)))
