# Regression: the model answered this otherwise than 2.7.18 (differential, seed 20261206,
# generated-207, shrunk by fast-check in 30 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
v0 = (1, -2.5)
v1 = (1, -2.5)
print(sys.getrefcount(v0))
del v0
del v1
print(gc.collect())
