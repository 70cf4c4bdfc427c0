# A list that holds itself never reaches zero: only the cycle collector frees it.
from __future__ import print_function
import gc
gc.disable()
gc.collect()

l = []
l.append(l)
del l
print("one list in a cycle", gc.collect())
a = []
b = []
a.append(b)
b.append(a)
del a, b
print("two lists in a cycle", gc.collect())
print("nothing left", gc.collect())
