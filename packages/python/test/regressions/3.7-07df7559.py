# Regression: the model answered this otherwise than 3.7.16 (differential, seed 20261206,
# generated-188, shrunk by fast-check in 105 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
class K0(object):
    pass
class D0(object):
    def __init__(self, label):
        self.label = label
    def __del__(self):
        print("del D0", self.label)
def keep(a):
    return a
def drop(a):
    pass
def count(a):
    return sys.getrefcount(a)
v0 = K0()
i0 = id(v0)
v4 = {"k": v0}
del v0
v3 = {}
v4 = str(12345)
v2 = int("100000")
v0 = D0(0)
print(id(v2) == i0)
print(id(v0) == i0)
drop((v0,))
print(sys.getsizeof(v0))
print(v3 is v0)
v0.a1 = v3
print(count(v4))
drop(float("1.5"))
del v4
print(gc.collect())
print(sys.getrefcount(v2))
print(id(v2) == i0)
print(len(v3))
v2 = v3
del v0
del v2
del v3
print(gc.collect())
