# chr() and its one-character cache, 2.7's unichr and its latin-1 cache, __builtins__ read with
# getattr and a default, and a function passed as an argument and called twice.
from __future__ import print_function
import sys

text = "memory"

char = getattr(__builtins__, "unichr", chr)
print(char(97) is char(97), char(255) is char(255), char(256) is char(256), len(char(300)))
print(chr(65), chr(65) is chr(65), getattr(__builtins__, "nothing_here", "default"))
intern = getattr(sys, "intern", None) or __builtins__.intern
a = "".join(["mem", "ory"])
print(a is text, intern(a) is intern("".join(["mem", "ory"])))


def call_twice(make):
    first = make()
    second = make()
    return first is second, sys.getrefcount(make)


print(call_twice(lambda: "constant"))
