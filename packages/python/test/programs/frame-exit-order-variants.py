# Frame exit order with parameters, a rebound local and an exception: slots decide, not assignment time.
from __future__ import print_function
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def params(p, q):
    r = A("r")
    s = A("s")
def assigned_late():
    b = None
    a = A("a")
    b = A("b")
def raises():
    a = A("ra")
    b = A("rb")
    raise ValueError
print("params")
params(A("p"), A("q"))
print("assigned_late")
assigned_late()
print("raises")
try:
    raises()
except ValueError:
    print("caught")
print("after except")
