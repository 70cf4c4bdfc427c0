# Unpacking a tuple binds each item to a name; the tuple itself is a temporary (or folded away).
from __future__ import print_function
import sys

x = [1]
y = [2]
a, b = x, y
print("after a, b = x, y", sys.getrefcount(x), sys.getrefcount(y))
a, b = b, a
print("swapped", a is y, b is x)
t = (x, y)
p, q = t
print("from a tuple", sys.getrefcount(x), sys.getrefcount(t))
del a, b, p, q, t
print("back", sys.getrefcount(x), sys.getrefcount(y))
