# A lambda is a function object like any other: it holds its defaults and is freed like one.
from __future__ import print_function
import sys

make = lambda: []
l1 = make()
l2 = make()
print("new list each call", l1 is not l2)
base = [1, 2]
f = lambda x, b=base: len(b) + x
print("call", f(1))
print("default holds base", sys.getrefcount(base))
del f
print("function gone", sys.getrefcount(base))
pick = lambda pair: pair[1]
print("picked", pick(("a", "b")))
