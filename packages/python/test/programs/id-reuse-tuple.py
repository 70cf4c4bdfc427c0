# Tuples are kept by size: a freed 2-tuple comes back as the next 2-tuple, not as a 3-tuple.
from __future__ import print_function

n = int("5")
t2 = tuple([n, n])
i2 = id(t2)
del t2
t3 = tuple([n, n, n])
print("3-tuple takes the 2-tuple's place", id(t3) == i2)
u2 = tuple([n, n])
print("2-tuple takes the 2-tuple's place", id(u2) == i2)
i3 = id(t3)
del t3
v3 = tuple([n, n, n])
print("3-tuple comes back", id(v3) == i3)
