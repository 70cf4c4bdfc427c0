# An object passed down three calls: each frame on the way holds a reference while it runs.
from __future__ import print_function
import sys

def inner(a):
    return sys.getrefcount(a)

def middle(a):
    return inner(a)

def outer(a):
    return middle(a)

x = []
print("module", sys.getrefcount(x))
print("one call", inner(x))
print("two calls", middle(x))
print("three calls", outer(x))
print("keyword", inner(a=x))
