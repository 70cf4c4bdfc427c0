# Strings that look like names are interned and shared; built strings are not, unless interned by hand.
from __future__ import print_function
import sys

intern = getattr(sys, "intern", None) or intern
a = "hello"
b = "hello"
print("same literal", a is b)
c = "".join(["hel", "lo"])
print("built at run time", a is c, a == c)
d = intern(c)
print("interned", a is d)
e = "".join(["hello", " world"])
f = "".join(["hello", " world"])
print("two built strings", e is f)
print("interned twice", intern(e) is intern(f))
print("one character", chr(97) is "".join(["a"]))
