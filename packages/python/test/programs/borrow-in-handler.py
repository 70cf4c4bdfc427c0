# 3.14 loads a local borrowed (no count) where the compiler can prove it safe: a call's argument, and
# an item of a tuple being built while another call runs; not in an exception handler, whose loads
# stay strong. Before 3.14 every load counts.
from __future__ import print_function
import sys

def f():
    x = [1]
    a = sys.getrefcount(x)
    try:
        raise ValueError
    except ValueError:
        b = sys.getrefcount(x)
        t = (x, sys.getrefcount(x))
    return a, b, t[1]

def g():
    x = [1]
    t = (x, sys.getrefcount(x))
    return t[1]

print(f(), g())
