# C02: names are declared nowhere and carry no type; objects carry the type, and the memory of an
# object is sized when it is made, from its value.
from __future__ import print_function
import sys

x = int("7")
print("x names a", type(x).__name__)
x = "".join(["a", "b"])
print("x names a", type(x).__name__)
x = [x]
print("x names a", type(x).__name__)

y = x
print("y = x makes a new object:", y is not x)

n = int("5")
print("bytes for", n, "more list items:", sys.getsizeof([None] * n) - sys.getsizeof([]))

print("int('7') made twice is one object:", int("7") is int("7"))
print("int('1000') made twice is one object:", int("1000") is int("1000"))
