# Regression: the model answered this otherwise than 3.8.18 (differential, seed 20261206,
# generated-168, shrunk by fast-check in 87 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
v0 = str(12345)
v1 = []
v2 = []
i0 = id(v2)
del v0
del v2
gc.collect()
v0 = {"k": v1}
print(id(v0) == i0)
del v0
del v1
print(gc.collect())
