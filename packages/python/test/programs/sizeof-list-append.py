# A list grows its item array in steps: getsizeof shows the over-allocation as items are appended.
from __future__ import print_function
import sys

l = []
sizes = [sys.getsizeof(l)]
for i in range(20):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(*sizes)
while l:
    l.pop()
print("after popping all", sys.getsizeof(l))
