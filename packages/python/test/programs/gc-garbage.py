# gc.garbage: where 2.7 puts uncollectable cycles (objects with __del__); 3.4+ leaves it empty.
from __future__ import print_function
import gc
gc.disable()
gc.collect()

class Res(object):
    def __del__(self):
        print("closing")

r = Res()
r.self = r
del r
found = gc.collect()
print("found", found, "garbage", len(gc.garbage))
while gc.garbage:
    g = gc.garbage.pop()
    del g.self
    del g
print("after emptying gc.garbage", gc.collect())
