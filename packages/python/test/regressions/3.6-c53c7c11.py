# Regression: the model answered this otherwise than 3.6.15 (differential, seed 20261206,
# generated-226, shrunk by fast-check in 51 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
class K0(object):
    pass
v0 = int("100000")
i0 = id(v0)
v0 = K0()
v0 = float("1.5")
print(id(v0) == i0)
del v0
print(gc.collect())
