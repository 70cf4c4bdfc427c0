# Making and dropping a list on each pass of a loop: the same memory comes back each time.
from __future__ import print_function

first = None
same = 0
i = 0
while i < 10:
    scratch = [i, i + 1]
    if first is None:
        first = id(scratch)
    elif id(scratch) == first:
        same += 1
    del scratch
    i += 1
print("passes that reused the first list's memory", same)
count = 0
while True:
    count += 1
    if count > 3:
        break
    if count == 2:
        continue
    print("pass", count)
