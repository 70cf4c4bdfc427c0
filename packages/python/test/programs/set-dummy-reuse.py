# A removed item leaves a dummy slot; whether the next add reuses it differs by version (2.7, 3.6 the first; 3.9 none).
from __future__ import print_function
import sys

s = set()
for i in range(12):
    s.add(i * 8)
for i in range(0, 12, 2):
    s.discard(i * 8)
print(len(s), sys.getsizeof(s))
for i in range(100, 106):
    s.add(i * 8)
    print(len(s), sys.getsizeof(s))
print(s)
t = set([466314, 292682, -3285699202361278276])
t.discard(292682)
t.discard(-3285699202361278276)
for k in [5, 6, 7, 8]:
    t.add(k)
print(t, sys.getsizeof(t))
