# 3.14 borrows a local only while its consumer runs in the same basic block, never in handler-only code.
from __future__ import print_function
import sys
def f(c):
    x = [1]
    a = (x, sys.getrefcount(x))[1], [x, sys.getrefcount(x)][1], {"k": x, "n": sys.getrefcount(x)}["n"]
    b = (x, sys.getrefcount(x) if c else 0)[1], (x, c and sys.getrefcount(x))[1]
    x.append(sys.getrefcount(x))
    x.append(sys.getrefcount(x) if c else 0)
    try:
        if c:
            raise ValueError
    except ValueError:
        pass
    finally:
        e = (x, sys.getrefcount(x))[1]
    return a, b, x[1:], e, (x, sys.getrefcount(x))[1]
def g(x):
    try:
        raise KeyError
    except KeyError:
        pass
    return (x, sys.getrefcount(x))[1]
def h():
    x = [1]
    try:
        return (x, sys.getrefcount(x))[1]
    finally:
        print("finally", (x, sys.getrefcount(x))[1])
print(f(True), g([1]), h())
