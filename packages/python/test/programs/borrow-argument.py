# A local passed on as an argument: its count inside the callee (3.14 passes it borrowed).
from __future__ import print_function
import sys
def inner(a):
    return sys.getrefcount(a)
def outer(a):
    return inner(a)
x = []
print(inner(x), outer(x))
