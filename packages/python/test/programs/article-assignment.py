# The blog says assignment copies numbers and strings: it never copies, it binds one more name.
from __future__ import print_function
import sys

a = int("12345")
b = a
print("int: same object", a is b, sys.getrefcount(a))
s = "".join(["some ", "text"])
t = s
print("str: same object", s is t, sys.getrefcount(s))
tu = (a, s)
tv = tu
print("tuple: same object", tu is tv, sys.getrefcount(tu))
b = b + 1
print("after b = b + 1", a is b, sys.getrefcount(a))
