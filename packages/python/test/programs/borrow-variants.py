# Borrowed arguments passed by keyword, and copied to another local inside the callee.
from __future__ import print_function
import sys
def inner(a):
    return sys.getrefcount(a)
def kw(a):
    return inner(a=a)
def stored(a):
    b = a
    return sys.getrefcount(a)
def via_stored(a):
    return stored(a)
x = []
print("kw", kw(x))
print("stored", via_stored(x))
