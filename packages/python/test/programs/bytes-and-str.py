# bytes and str: on 2.7 they are one type; from 3.0 two, of different sizes for the same text.
from __future__ import print_function
import sys

b = bytes(b"".join([b"ab", b"cd"]))
s = str("".join(["ab", "cd"]))
print("same type", type(b) is type(s))
print("len", len(b), len(s))
print("sizes", sys.getsizeof(b), sys.getsizeof(s))
print("empty", sys.getsizeof(b""), sys.getsizeof(""))
