# for over a dict walks its keys with a dict iterator (a tracked container that holds the dict until
# it is exhausted); adding a key while walking stops the loop with a RuntimeError.
from __future__ import print_function
import sys
d = {"one": [1], "two": [2]}
before = sys.getrefcount(d)
for k in d:
    print(k, sys.getrefcount(d) - before, sys.getrefcount(d[k]))
print("after the loop", sys.getrefcount(d) - before)
single = {3.5: "x"}
for k in single:
    j = id(k)
print("the key stays", j == id(3.5) or sys.getrefcount(k) > 1)
try:
    for k in d:
        d[k + "!"] = None
except RuntimeError:
    print("changed size")
print(len(d))
