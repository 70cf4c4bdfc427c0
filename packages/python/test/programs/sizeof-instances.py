# Instances and their attribute dicts: what getsizeof counts, with and without __slots__.
from __future__ import print_function
import sys

class Plain(object):
    pass

class Slotted(object):
    __slots__ = ("a", "b")

class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print("plain", sys.getsizeof(Plain()))
print("slotted", sys.getsizeof(Slotted()))
print("point", sys.getsizeof(p))
print("object()", sys.getsizeof(object()))
