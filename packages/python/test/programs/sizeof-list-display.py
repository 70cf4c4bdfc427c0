# A list display is sized exactly; the same items appended one by one over-allocate.
from __future__ import print_function
import sys

n = int("1")
display = [n, n, n, n, n]
appended = []
for i in range(5):
    appended.append(n)
print("display", sys.getsizeof(display))
print("appended", sys.getsizeof(appended))
print("list(display)", sys.getsizeof(list(display)))
print("repeated", sys.getsizeof([n] * 5))
print("comprehension", sys.getsizeof([n for i in range(5)]))
