# Reference counts of instances: names, attributes of other instances, and the instance's own attribute.
from __future__ import print_function
import sys

class Node(object):
    pass

a = Node()
print("new instance", sys.getrefcount(a))
b = Node()
b.link = a
print("linked from b", sys.getrefcount(a))
a.me = a
print("links itself", sys.getrefcount(a))
del a.me
del b.link
print("links removed", sys.getrefcount(a))
print("attribute value", sys.getrefcount(b.__dict__))
