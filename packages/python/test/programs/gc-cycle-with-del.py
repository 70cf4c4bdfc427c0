# A cycle whose objects have __del__: 2.7 leaves it in gc.garbage, 3.4+ finalizes and frees it.
from __future__ import print_function
import gc
gc.disable()
gc.collect()

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

x = A("x")
y = A("y")
x.peer = y
y.peer = x
del x, y
print("collected", gc.collect())
print("garbage", len(gc.garbage))
print("again", gc.collect())
