# Sets grow their table in jumps too: getsizeof as elements are added.
from __future__ import print_function
import sys

s = set()
sizes = [sys.getsizeof(s)]
for i in range(20):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print(*sizes)
print("frozenset", sys.getsizeof(frozenset([1, 2, 3])))
