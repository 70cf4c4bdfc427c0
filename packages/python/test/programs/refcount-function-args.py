# A list passed to a function: the parameter, and (up to 3.10) the caller's stack, hold it too.
from __future__ import print_function
import sys

def count(a):
    return sys.getrefcount(a)

def count_twice(a):
    b = a
    return sys.getrefcount(b)

def nested(a):
    return count(a)

lt = [int("7")]
print("at module level", sys.getrefcount(lt))
print("as a parameter", count(lt))
print("parameter and a local", count_twice(lt))
print("two calls deep", nested(lt))
print("a temporary", count([1, 2]))
print("after the calls", sys.getrefcount(lt))
