# gc thresholds, and a new list's count at module level and in a function.
from __future__ import print_function
import gc, sys
print(gc.get_threshold())
x = []
print(sys.getrefcount(x))
def f():
    y = [1.5]
    return sys.getrefcount(y)
print(f())
