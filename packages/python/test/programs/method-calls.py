# Calling a method: how many references self has inside it (a bound method object holds one too, up to 3.6).
from __future__ import print_function
import sys

class C(object):
    def count_self(self):
        return sys.getrefcount(self)

    def count_arg(self, x):
        return sys.getrefcount(x)

c = C()
print("self in a method call", c.count_self())
m = c.count_self
print("through a bound method", m())
print("bound method holds self", sys.getrefcount(c))
del m
lt = []
print("argument of a method", c.count_arg(lt))
