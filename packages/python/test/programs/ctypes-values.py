# ctypes' simple types hold values of their own, cut to their width; sizeof; and id() equality is
# still answered after `import ctypes`, whose own allocations come before both ids.
from __future__ import print_function
import ctypes
import sys

print("sizes:", ctypes.sizeof(ctypes.c_uint32), ctypes.sizeof(ctypes.c_ssize_t) == ctypes.sizeof(ctypes.c_void_p))
print("own values:", ctypes.c_int(-5).value, ctypes.c_uint32(-1).value, ctypes.c_void_p().value)
print("byte order:", sys.byteorder)
pair = (float("1.5"), 2.5)
spot = id(pair)
del pair
again = (float("3.5"), 4.5)
print("a freed tuple's memory reused:", id(again) == spot)
