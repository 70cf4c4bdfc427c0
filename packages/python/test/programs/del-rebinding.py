# Rebinding a name: the new object is made first, the old one dies after the name points to the new one.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name
        print("made", name)

    def __del__(self):
        print("__del__", self.name)

x = A("first")
x = A("second")
print("rebound")
x = None
print("set to None")
y = A("third")
y = y
print("rebound to itself")
del y
