# Two instances pointing at each other: what gc.collect() counts (instances, and their __dict__s).
from __future__ import print_function
import gc
gc.disable()
gc.collect()

class Node(object):
    pass

a = Node()
b = Node()
a.other = b
b.other = a
del a
print("one name left", gc.collect())
del b
print("unreachable", gc.collect())
c = Node()
c.me = c
del c
print("self reference", gc.collect())
