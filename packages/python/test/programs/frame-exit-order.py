# The order in which a returning function's locals die (3.14 releases them last slot first).
from __future__ import print_function
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f():
    a = A(1)
    b = A(2)
f()
