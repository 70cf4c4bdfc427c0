# An exception that leaves a function keeps its frame, and the frame's locals, until the except block ends.
from __future__ import print_function
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f():
    a = A(1)
    raise ValueError
try:
    f()
except ValueError:
    print("caught")
print("after")
