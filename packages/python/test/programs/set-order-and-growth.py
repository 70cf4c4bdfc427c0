# A set lists its items in the order of its hash table's slots, which depends on the version.
from __future__ import print_function
import sys

s = set()
sizes = [sys.getsizeof(s)]
for k in [9, 1, 17, 25, 3, 33, 41, 2, 10, 18, 26, 4, 12, 20, 28, 5, 13, 21, 29, 6]:
    s.add(k)
    sizes.append(sys.getsizeof(s))
print(*sizes)
print(s)
print({9, 1, 17, 25, 3}, {9, 1}, set(), set([2, 1]))
for k in [1, 17, 2, 10, 4]:
    s.discard(k)
for k in [100, 132, 164, 196]:
    s.add(k)
print(s, len(s), sys.getsizeof(s))
print(list(s)[:6], tuple({-1, -2, 0}))
