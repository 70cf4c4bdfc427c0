# An object made in only one branch of an if: alive after the if, dead after the del, in every branch.
from __future__ import print_function
import sys

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

for n in range(3):
    if n == 0:
        x = A("zero")
    elif n == 1:
        x = A("one")
    else:
        x = None
    print("after the if", n, sys.getrefcount(x) if x is not None else "None")
print("end of loop")
