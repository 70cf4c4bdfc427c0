# Regression: the model answered this otherwise than 3.10.13 (differential, seed 20261206,
# generated-182, shrunk by fast-check in 48 steps).
from __future__ import print_function
import sys
import gc
gc.disable()
gc.collect()
class D0(object):
    def __init__(self, label):
        self.label = label
    def __del__(self):
        print("del D0", self.label)
v1 = D0(0)
print(gc.collect())
v1 = [v1]
v1.append(v1)
v2 = D0(1)
v1.append(v2)
del v1
del v2
print(gc.collect())
