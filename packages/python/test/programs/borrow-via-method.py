# Borrowed arguments through a method call, self, __init__ (call after call) and a loop.
from __future__ import print_function
import sys
def inner(a):
    return sys.getrefcount(a)
class C:
    def m(self, a):
        return sys.getrefcount(a)
    def me(self):
        return sys.getrefcount(self)
    def __init__(self, a):
        self.r = sys.getrefcount(a)
def via_method(c, a):
    return c.m(a)
def via_self(c):
    return c.me()
def via_init(a):
    return C(a).r
def in_loop(a):
    r = 0
    for i in range(3):
        r = inner(a)
    return r
x = []
c = C(x)
print("method", via_method(c, x), "self", via_self(c))
print("init", via_init(x), via_init(x), via_init(x), via_init(x))
print("loop", in_loop(x))
