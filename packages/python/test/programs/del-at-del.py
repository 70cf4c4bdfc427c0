# __del__ runs at the moment the last reference goes, before the next line: the blog's first example.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name
        print("made", name)

    def __del__(self):
        print("__del__", self.name)

a = A("a")
b = a
del a
print("after del a: b still holds it")
del b
print("after del b")
