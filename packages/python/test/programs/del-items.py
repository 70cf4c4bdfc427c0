# del on items and slices: each removed object is finalized at once, the rest stay.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

l = [A("0"), A("1"), A("2"), A("3"), A("4")]
del l[1]
print("after del l[1]")
del l[1:3]
print("after del l[1:3]", len(l))
d = {"a": A("da"), "b": A("db")}
del d["a"]
print("after del d['a']")
d["b"] = A("new db")
print("after replacing d['b']")
l[0] = None
print("lengths", len(l), len(d))
del d
print("dict gone")
del l
print("list gone")
