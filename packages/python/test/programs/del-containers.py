# Finalization order when a tuple, a dict and an instance holding others die.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

t = (A("t1"), A("t2"), A("t3"))
del t
print("tuple gone")
d = {"x": A("d1"), "y": A("d2")}
del d
print("dict gone")
d = {"x": A("e1"), "y": A("e2")}
d.clear()
print("dict cleared")
owner = A("owner")
owner.a = A("attr a")
owner.b = A("attr b")
del owner
print("owner gone")
