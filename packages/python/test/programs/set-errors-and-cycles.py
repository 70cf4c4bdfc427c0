# Removing a missing item raises KeyError, a list is unhashable; a set in a cycle is the collector's.
from __future__ import print_function
import gc

class Holder(object):
    pass

t = set([1, 2, 3])
try:
    t.remove(4)
except KeyError:
    print("KeyError")
try:
    t.add([])
except TypeError:
    print("TypeError")
print(bool(set()), bool(t), 3 in t, len(t))
equal = set([1.5, float("1.5"), "ab" * 2, "a" + "bab"[0:3]])
print(len(equal), 1.5 in equal, "abab" in equal)
gc.collect()
c = set()
holder = Holder()
holder.s = c
c.add(holder)
del holder, c
print("collected", gc.collect())
