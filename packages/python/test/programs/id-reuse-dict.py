# Dicts have a free list too; a dict that grew gets back a fresh table, not the old one.
from __future__ import print_function
import gc
gc.disable()

d = {"a": 1}
i = id(d)
del d
e = {}
print("next dict reuses it", id(e) == i)
for k in ["a", "b", "c", "d", "e", "f", "g", "h", "i"]:
    e[k] = 0
j = id(e)
del e
f = {"x": 1}
print("grown dict's id reused", id(f) == j)
