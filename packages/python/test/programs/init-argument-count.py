# An argument's count inside __init__, call after call (3.13+ specializes the call site on its second run).
from __future__ import print_function
import sys
class C:
    def __init__(self, a):
        self.r = sys.getrefcount(a)
def make(a):
    return C(a).r
x = []
print(make(x), make(x), make(x), make(x))
