# ctypes reads an object's count from its header (ob_refcnt at offset 0) without holding the
# object: 4 bytes or all of it, as names, containers and a call change the count.
from __future__ import print_function
import ctypes
import sys


def count(address):
    return ctypes.c_uint32.from_address(address).value


class Thing(object):
    pass


t = Thing()
where = id(t)
print("one name:", count(where), ctypes.c_ssize_t.from_address(where).value)
u = t
box = [t, t]
print("two names and two list slots:", count(where))
del box
print("the list freed:", count(where))
hold = lambda x: count(id(x))  # noqa: E731
print("while a call holds it:", hold(t))
del u
print("one name again:", count(where), sys.getrefcount(t) - count(where))
