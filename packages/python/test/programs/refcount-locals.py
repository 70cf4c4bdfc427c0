# Reference counts inside a function: locals, a local alias, and what is left after it returns.
from __future__ import print_function
import sys

def make():
    a = []
    print("local", sys.getrefcount(a))
    b = a
    print("local and alias", sys.getrefcount(a))
    del b
    return a

x = make()
print("returned and bound", sys.getrefcount(x))
y = [make(), make()]
print("inside a new list", sys.getrefcount(y[0]))
