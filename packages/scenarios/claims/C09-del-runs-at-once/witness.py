# C09: an instance of a class with __del__: its count, and when __del__ runs relative to later code.
from __future__ import print_function
import sys


class Person(object):
    def __del__(self):
        print("__del__ runs")


p = Person()
print("getrefcount:", sys.getrefcount(p))
del p
print("over")
