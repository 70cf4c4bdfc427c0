# A cycle keeps a long chain alive; collecting the cycle frees the chain by plain reference counting.
from __future__ import print_function
import gc
gc.disable()
gc.collect()

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

ring = []
ring.append(ring)
ring.append(A("held by the ring"))
tail = [A("tail")]
ring.append(tail)
del tail
del ring
print("before collect")
print("found", gc.collect())
