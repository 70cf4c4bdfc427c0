# Emptying a list finalizes its items: in which order for del l[:], del l, l = [], and l.pop()?
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

l = [A("a1"), A("a2"), A("a3")]
del l[:]
print("after del l[:]", len(l))
l = [A("b1"), A("b2"), A("b3")]
del l
print("after del l")
l = [A("c1"), A("c2"), A("c3")]
l = []
print("after l = []")
l = [A("d1"), A("d2")]
l.pop()
print("after pop")
del l[0]
print("after del l[0]")
