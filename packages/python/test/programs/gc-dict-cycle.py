# Dicts in cycles, and a dict that only holds atomic values (which the collector may stop tracking).
from __future__ import print_function
import gc
gc.disable()
gc.collect()

d = {}
d["self"] = d
del d
print("dict holding itself", gc.collect())
plain = {"a": 1, "b": "two"}
print("atomic dict tracked", gc.is_tracked(plain))
holder = {"list": []}
print("dict with a list tracked", gc.is_tracked(holder))
t = (1, 2)
print("tuple of ints tracked", gc.is_tracked(t))
l = [1, 2]
print("list tracked", gc.is_tracked(l))
