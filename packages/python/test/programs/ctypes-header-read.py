# ctypes reads an object's count from its header (ob_refcnt at offset 0) without holding the object:
# the count as names, containers and calls change it, a 4-byte and a pointer-wide read, and id()
# equality still answered after the import (the import's own allocations come before both ids).
from __future__ import print_function
import ctypes
import sys


def count(address):
    return ctypes.c_uint32.from_address(address).value


def full_count(address):
    return ctypes.c_ssize_t.from_address(address).value


class Thing(object):
    pass


t = Thing()
where = id(t)
print("one name:", count(where), full_count(where))
u = t
box = [t, t]
print("two names and two list slots:", count(where))
del box
print("the list freed:", count(where))


def hold(x):
    return count(id(x))


print("while a call holds it:", hold(t))
del u
print("one name again:", count(where), sys.getrefcount(t) - count(where))
print("sizes:", ctypes.sizeof(ctypes.c_uint32), ctypes.sizeof(ctypes.c_ssize_t) == ctypes.sizeof(ctypes.c_void_p))
print("own values:", ctypes.c_int(-5).value, ctypes.c_uint32(-1).value, ctypes.c_void_p().value)
print("byte order:", sys.byteorder)
pair = (float("1.5"), 2.5)
spot = id(pair)
del pair
again = (float("3.5"), 4.5)
print("a freed tuple's memory reused:", id(again) == spot)
