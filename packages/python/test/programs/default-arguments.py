# A mutable default argument is one object, made once with the function and shared by every call.
from __future__ import print_function
import sys

def add(item, bucket=[]):
    bucket.append(item)
    return bucket

first = add(1)
second = add(2)
print("same list", first is second, len(second))
print("count of the default", sys.getrefcount(first))

def add_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print("fresh lists", add_safe(1) is add_safe(2))
print("keyword argument", len(add_safe(bucket=[0], item=1)))
