# Slicing: a list's slice is a new list of exactly its items; all of a tuple, str or bytes is the
# object itself; the empty and one-character results come from the caches.
from __future__ import print_function
import sys

items = [float(k) for k in range(6)]
part = items[1:4]
print(part, sys.getsizeof(part), sys.getrefcount(items[2]))
whole = items[:]
print(whole == items, whole is items, sys.getsizeof(whole))
print(items[4:100], items[-2:], items[5:1], sys.getsizeof(items[5:1]))
pair = (1.5, "x", None)
empty = ()
print(pair[:] is pair, pair[0:3] is pair, pair[1:], pair[2:2] is empty)
text = "memory"
print(text[:] is text, text[1:3], text[2:3] is text[2:3], text[-3:])
data = b"arena"
print(data[:] is data, data[1:4], data[0:1] is data[0:1])
