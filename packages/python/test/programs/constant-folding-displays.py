# Displays of folded constants: a tuple of them is one constant; 3.9+ fold a list of three or more
# into a tuple a new list is extended by; a list iterated by `for` or searched by `in` is a tuple
# (3.7+ any, 3.6 a constant one, 2.7 a constant one after `in`).
from __future__ import print_function
import sys

t = (1, -2, 3.5)
print(t, sys.getrefcount(t), -t[2])
u = [1.5, -2.5, 3.5]
print(sys.getsizeof(u))
a = 5000.5
print([a, 2] == [5000.5, 2], a in [1.5, a], sys.getrefcount(a))
for q in [a, 1.5]:
    print("iterated", sys.getrefcount(q))
for q in [7.25, -8.25]:
    print("constant", sys.getrefcount(q))


def g(v):
    for z in [v, 2.5, -1.5]:
        pass
    return sys.getrefcount(v)


print(g(a), 2.5 not in [-1.5, 2.5])
