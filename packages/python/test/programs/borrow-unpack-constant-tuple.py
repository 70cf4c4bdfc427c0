# unpacking a tuple the compiler folds (a negative number is folded too): LOAD_CONST, then UNPACK_SEQUENCE
from __future__ import print_function
import sys
a, b = 1, -1
k, l = 8, -9.5
print(a, b, k, l)
x, y = 1.5, -2.5
print(sys.getrefcount(x) - sys.getrefcount(y))
def f():
    p, q, r = -1.25, 2.5, -3
    return sys.getrefcount(p), p, q, r
print(f())
m, n = (-7.5, 7.5)
print(m + n, m is n)
