# C09: an instance of the article's class (`class Person:`, which is a classic, old-style class on 2.7):
# its count, and when __del__ runs relative to the next line, at module level and inside a function.
from __future__ import print_function
import sys


class Person:
    def __del__(self):
        print("__del__ runs")


print("a classic (old-style) class:", not isinstance(Person, type))

p = Person()
print("module level, getrefcount:", sys.getrefcount(p))
del p
print("over")


def inside():
    p = Person()
    print("in a function, getrefcount:", sys.getrefcount(p))
    del p
    print("over")


inside()
