# Ints outside the small-int cache: 2.7 keeps freed ints in a free list of its own; 3.x uses pymalloc.
from __future__ import print_function

a = int("1000")
i = id(a)
del a
b = int("2000")
print("next int reuses it", id(b) == i)
c = int("3000") + int("4000")
print("a temporary sum did not take b's place", id(c) != id(b))
x = int("12345")
ix = id(x)
x = int("67890")
print("rebinding: the new int is made before the old one dies", id(x) == ix)
