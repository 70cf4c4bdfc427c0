# Regression: the model answered this otherwise than 2.7.18 (differential, seed 20261206,
# generated-2, shrunk by fast-check in 25 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
v0 = 2.5 * 2
print(sys.getrefcount(v0))
v0 = (2.5 * 2,)
del v0
print(gc.collect())
