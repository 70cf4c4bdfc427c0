# Sets and `in`: membership does not change counts; a set holds one reference per element.
from __future__ import print_function
import sys

x = float("1.25")
s = set()
s.add(x)
s.add(x)
print("added twice, size", len(s), "count", sys.getrefcount(x))
print("in", x in s, float("1.25") in s, 2.5 in s)
s.discard(x)
print("discarded", len(s), sys.getrefcount(x))
l = [x, x]
print("in list", x in l, sys.getrefcount(x))
