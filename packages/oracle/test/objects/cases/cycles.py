# What gc.collect() finds: a self-referencing list, two instances, two instances with __del__.
from __future__ import print_function
import gc
gc.disable()
gc.collect()
print("threshold", *gc.get_threshold())

a = []
a.append(a)
del a
print("self list", gc.collect())

class C(object):
    pass

x = C()
y = C()
x.other = y
y.other = x
del x, y
print("two instances", gc.collect())

class D(object):
    def __del__(self):
        print("__del__")

x = D()
y = D()
x.other = y
y.other = x
del x, y
print("two with __del__", gc.collect(), "garbage", len(gc.garbage))
