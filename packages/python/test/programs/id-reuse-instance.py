# Instances have no free list: pymalloc hands the freed block to the next request of its size class.
from __future__ import print_function
import gc
gc.disable()
gc.collect()  # empties the free lists start-up filled, which the model does not know

class A(object):
    pass

class B(object):
    pass

a = A()
i = id(a)
del a
b = B()
print("another class, same size", id(b) == i)
j = id(b)
del b
l = [1, 2, 3, 4, 5, 6, 7, 8]
print("a list of eight takes it", id(l) == j)
