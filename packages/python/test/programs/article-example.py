# The blog post's example, its indentation fixed: a class with __del__, two names, getrefcount.
from __future__ import print_function
import sys

class Test(object):
    def __init__(self):
        print("object created, id kept")

    def __del__(self):
        print("object freed")

t1 = Test()
print("count", sys.getrefcount(t1))
t2 = t1
print("count with a second name", sys.getrefcount(t1))
del t1
print("count after del t1", sys.getrefcount(t2))
del t2
print("end")
