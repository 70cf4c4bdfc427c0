# 3.12+ inline a comprehension: the function's locals it reads are its own fast locals, in a handler too
from __future__ import print_function
import sys
def f(m):
    k = [2.5]
    print([sys.getrefcount(m) for _ in (1,)], [sys.getrefcount(x) for x in [m]], [len(k) for _ in (1, 2)])
    try:
        raise ValueError
    except ValueError:
        print([sys.getrefcount(m) for _ in (1,)], [(sys.getrefcount(k), x) for x in (1,)])
    print([sys.getrefcount(k) for _ in (1,)])
n = [1.5]
f(n)
