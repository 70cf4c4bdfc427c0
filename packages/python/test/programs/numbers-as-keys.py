# Equal numbers are one key: an int and a float compare by exact value, past 2**53 too
from __future__ import print_function

a = 2**53 + 1
b = float(2**53)
d = {a: "int"}
d[b] = "float"
print(len(d), a == b, a - 1 == b)
d[2**53] = "again"
print(len(d), d[b])
s = {a, b, 2**53, 7, 7.0}
print(len(s), a in s, float(a) in s, 7.0 in s)
s.discard(b)
print(len(s), 2**53 in s)
