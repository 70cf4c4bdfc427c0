# A list comprehension's loop variable: leaks into the enclosing scope on 2.7 and keeps its object alive.
from __future__ import print_function
import sys

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

names = [a.name for a in [A("x"), A("y")]]
print("names", names)
try:
    a
    print("leaked: a is", a.name)
except NameError:
    print("not leaked")
squares = [n * n for n in range(5)]
print("squares", squares, sys.getsizeof(squares) > 0)
evens = [n for n in range(10) if n % 2 == 0]
print("evens", len(evens))
a = None
print("end")
