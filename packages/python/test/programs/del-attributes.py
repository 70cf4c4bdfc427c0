# del obj.name lets go of the value at once; on 3.6 - 3.10 it also turns the instance's shared-key
# dict into a dict of its own and stops the class from sharing keys, which later instances show.
from __future__ import print_function
import sys

class Noisy(object):
    def __del__(self):
        print("value freed")

class Point(object):
    pass

p = Point()
p.x = Noisy()
p.y = [2]
print("deleting")
del p.x
print("deleted")
q = Point()
q.x = 1.5
q.y = 2.5
print(sys.getrefcount(p.y), sys.getsizeof(p), q.x + q.y)
try:
    print(p.x)
except AttributeError:
    print("no x")
