# None, True and small ints are shared by the whole interpreter; from 3.12 they are immortal.
from __future__ import print_function
import sys

big = 1000000000
print("None immortal", sys.getrefcount(None) >= big)
print("True immortal", sys.getrefcount(True) >= big)
print("small int immortal", sys.getrefcount(1) >= big)
n = int("1000")
print("a new large int", sys.getrefcount(n))
print("a new float", sys.getrefcount(float("1.5")))
empty = ()
print("empty tuple shared", empty is tuple([]))
