# Regression: the model answered this otherwise than 3.6.15 (differential, seed 20261206,
# generated-168, shrunk by fast-check in 93 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
class K0(object):
    pass
def keep(a):
    return a
def drop(a):
    pass
def count(a):
    return sys.getrefcount(a)
v0 = str(12345)
print(gc.collect())
v1 = []
v2 = []
i0 = id(v2)
del v0
del v2
gc.collect()
print(len(v1))
v0 = {"k": v1}
print(id(v0) == i0)
drop(str(12345))
v0 = K0()
del v0
del v1
print(gc.collect())
