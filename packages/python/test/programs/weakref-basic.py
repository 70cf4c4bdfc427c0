# A weak reference does not keep its object alive; it returns None once the object is gone.
from __future__ import print_function
import sys
import weakref

class C(object):
    pass

o = C()
r = weakref.ref(o)
print("alive", r() is o)
print("count unchanged", sys.getrefcount(o))
print("same ref again", weakref.ref(o) is r)
print("weak count", weakref.getweakrefcount(o))
del o
print("dead", r() is None)
