# A freed set's memory goes to the next set (2.7 keeps up to 80 in a free list); a grown table is freed with it.
from __future__ import print_function
import gc
import sys
gc.disable()

s = set([1])
i = id(s)
del s
t = set()
reused = id(t) == i
k = 0
while k < 40:
    t.add(k)
    k += 1
j = id(t)
del t
u = set([5])
grown_reused = id(u) == j
print("next set reuses it", reused)
print("grown set's id reused", grown_reused)
v = set(range(100))
w = set(v)
print(sys.getsizeof(v), sys.getsizeof(w), w == w, len(w))
del v, w
print(len({0, 1, 2, 3, 4, 5, 6}))
