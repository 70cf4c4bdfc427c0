# A freed list's memory (and its id) goes to the next list made: the list free list, then pymalloc.
from __future__ import print_function
import gc
gc.disable()

a = [1, 2, 3]
i = id(a)
del a
b = []
print("next list reuses it", id(b) == i)
j = id(b)
c = [b]
print("a live list is not reused", id(c) == j)
del b, c
d = [4]
e = [5]
print("last freed is first reused", id(d) == i or id(e) == i)
