# A set holds one reference per distinct item; freeing it drops them in slot order, running __del__.
from __future__ import print_function
import sys

class Item(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

x = 40000
s = {x, x + 0, 7}
print(sys.getrefcount(x), len(s), x in s, 40001 in s)
s.add(x)
print(sys.getrefcount(x))
one = Item(1)
s.add(one)
print(sys.getrefcount(one))
s.discard(one)
print(sys.getrefcount(one))
del one
print("after del one")
only = set([Item(2)])
del only
print("after del only")
t = set([1, 2, 3])
for k in t:
    print(k, sys.getrefcount(t))
