# C01: the article names three parts (garbage collection, reference counting, memory pools).
# Each is shown at work here, with automatic collection off so nothing runs unasked.
from __future__ import print_function
import gc

gc.disable()
gc.collect()  # start from a heap without garbage left over from start-up


class Tracked(object):
    def __del__(self):
        print("  __del__ runs")


print("reference counting: del of the last name")
t = Tracked()
del t
print("  next statement")

print("cycle collector: a list that holds itself, after del")
a = []
a.append(a)
del a
print("  gc.collect() found", gc.collect())

print("memory kept for reuse: a freed float")
x = float("1.5")
address = id(x)
del x
print("  the next float gets its memory:", id(float("2.5")) == address)
