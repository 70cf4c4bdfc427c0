# Objects still bound when the program ends: does __del__ run at exit, and in which order?
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

first = A("first")
second = A("second")
third = A("third")
print("end of the program")
