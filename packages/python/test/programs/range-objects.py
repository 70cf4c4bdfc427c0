# range() makes a range object (3.x) that holds its start, stop, step and length; iterating makes a
# range iterator and frees the range when nothing else holds it. 2.7's range() makes a list.
from __future__ import print_function
import sys
r = range(2, 600, 3)
print(len(r), list(r)[0], len(list(r)))
first = [x for x in r][0]
second = [x for x in r][0]
print("a range can be walked twice", first == second)
n = 0
for k in range(5, 0, -2):
    n += k
print(n)
s = range(3)
before = sys.getrefcount(s)
for k in s:
    print(k, sys.getrefcount(s) - before)
