# 2.7 runs a list comprehension in the enclosing scope: its variable is that scope's and keeps its
# last value; 3.x give the comprehension a scope of its own (a function before 3.12, inline after).
from __future__ import print_function
import sys
x = "before"
squares = [x * x for x in range(4)]
print(squares, x)
def f(n):
    vals = [float(k) + 0.5 for k in range(n) if k % 2]
    try:
        return vals, k, sys.getrefcount(vals)
    except NameError:
        return vals, "no k", sys.getrefcount(vals)
print(f(5))
lists = [[i * 1.5] for i in range(3)]
print(lists, sys.getrefcount(lists[0]), sys.getrefcount(lists[2][0]))
