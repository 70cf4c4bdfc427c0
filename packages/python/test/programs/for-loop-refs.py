# A for loop's variable keeps the last item alive after the loop; the iterator holds the list meanwhile.
from __future__ import print_function
import sys

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

items = [A("one"), A("two"), A("three")]
for item in items:
    print("in the loop", item.name, sys.getrefcount(items))
print("after the loop", sys.getrefcount(items))
items = None
print("list dropped; the loop variable still holds", item.name)
del item
print("end")
