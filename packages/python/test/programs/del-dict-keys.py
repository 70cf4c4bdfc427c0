# del d[k] (3.x): the key and value are let go at once, but the deleted entry stays used, so the
# table grows as soon as it would have without the deletion; a missing key is a KeyError.
from __future__ import print_function
import sys
class Value(object):
    def __del__(self):
        print("value freed")
d = {}
for k in range(5):
    d[k] = [k]
d[5] = Value()
del d[5]
del d[2]
d[9] = [9]
print(list(d), sys.getsizeof(d))
for k in range(10, 16):
    d[k] = None
print(list(d), sys.getsizeof(d))
try:
    del d[2]
except KeyError:
    print("no key 2")
