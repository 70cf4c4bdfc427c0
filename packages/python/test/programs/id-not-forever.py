# An id belongs to one object only while it lives: two objects one after the other may share it.
from __future__ import print_function

print("temporaries", id([]) == id([]))
print("floats", id(float("1.1")) == id(float("2.2")))

class C(object):
    pass

print("instances", id(C()) == id(C()))
x = [1]
y = [2]
print("two live lists", id(x) == id(y))
