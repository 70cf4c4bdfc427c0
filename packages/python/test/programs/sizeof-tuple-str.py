# Tuples are sized by their length; strings by their length and, from 3.3, the widest character.
from __future__ import print_function
import sys

n = int("3")
print("tuples", sys.getsizeof(()), sys.getsizeof((n,)), sys.getsizeof((n, n)), sys.getsizeof((n, n, n, n)))
print("empty str", sys.getsizeof(str()))
print("ascii", sys.getsizeof("".join(["ab", "cd"])))
print("ten ascii", sys.getsizeof("x" * 10))
print("bytes", sys.getsizeof(b"".join([b"ab", b"cd"])))
