# 3.11+: a new instance gets room for one value fewer than the one before, so ids and blocks differ.
from __future__ import print_function
import gc
import sys
class C(object): pass
class D(object):
    def __init__(self, value):
        self.value = value
gc.disable()
gc.collect()
temporaries = id(C()) == id(C())
a = C()
ia = id(a)
del a
reused = id(C()) == ia
n = 264 - sys.getsizeof(b"")
z = bytes(n)
iz = id(z)
del z
x = C()
x.me = x
del x
print(temporaries, reused, gc.collect(), "a freed values array", id(bytes(n)) == iz)
if hasattr(sys, "getallocatedblocks"):
    keep = [D(0)] * 5 + [D(0)]  # D called twice before counting: ProcessOptions.fixedAddresses says why
    gc.collect()
    before = sys.getallocatedblocks()
    for i in range(6):
        keep[i] = D(i)
    print("six instances", sys.getallocatedblocks() - before)
