# An object's count follows every container that holds it: list, tuple, dict key and value, set.
from __future__ import print_function
import sys

x = float("2.5")
print("bound", sys.getrefcount(x))
t = (x, x)
print("tuple of two", sys.getrefcount(x))
d = {x: x}
print("dict key and value", sys.getrefcount(x))
s = set([x])
print("set", sys.getrefcount(x))
l = [t, d, s]
print("containers in a list", sys.getrefcount(x))
del t, d, s
print("list still holds them", sys.getrefcount(x))
del l
print("all gone", sys.getrefcount(x))
