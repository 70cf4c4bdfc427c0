# Regression: the model answered this otherwise than 3.10.13 (differential, seed 20261206,
# generated-262, shrunk by fast-check in 101 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
v0 = float("1.5")
v0 = (v0,)
v0 = {"k": v0}
v0["m"] = v0
print(gc.collect())
v0 = {"k": v0}
del v0
print(gc.collect())
