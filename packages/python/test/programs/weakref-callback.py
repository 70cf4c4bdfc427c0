# A weakref's callback runs when its object dies: after __del__, newest callback first.
from __future__ import print_function
import weakref

class A(object):
    def __del__(self):
        print("__del__")

def first(r):
    print("first callback, referent gone:", r() is None)

def second(r):
    print("second callback")

a = A()
r1 = weakref.ref(a, first)
r2 = weakref.ref(a, second)
print("two refs with callbacks are distinct", r1 is not r2)
del a
print("after del")
b = A()
r3 = weakref.ref(b, first)
del r3
del b
print("a dropped weakref never calls back")
