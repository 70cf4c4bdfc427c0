# Three or more constants in a set display: 3.9+ fold them into a frozenset the set copies (SET_UPDATE).
from __future__ import print_function
import sys

def build():
    a = 70000
    b = a + 1
    s = {a, b, 8}
    print(sys.getrefcount(a), sys.getrefcount(b), len(s))
    return s

print(build())
print({16, 8, 0, 24, 1}, {3, 11, 19}, {1, 2})
n = 5
print({n, n + 8, 13, 5})
print(sys.getsizeof({0, 1, 2, 3, 4, 5}), sys.getsizeof({n, 1, 2, 3, 4, 0}))
