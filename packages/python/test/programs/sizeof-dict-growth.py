# A dict's size steps up when it fills past two thirds of its table.
from __future__ import print_function
import sys

d = {}
sizes = [sys.getsizeof(d)]
for k in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]:
    d[k] = 1
    sizes.append(sys.getsizeof(d))
print(*sizes)
d.clear()
print("cleared", sys.getsizeof(d))
