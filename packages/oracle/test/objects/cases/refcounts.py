# Reference counts seen by sys.getrefcount, which adds its own argument.
from __future__ import print_function
import sys

lt = [int("1"), int("2")]
print("one name", sys.getrefcount(lt))
lt2 = lt
print("two names", sys.getrefcount(lt))
holder = [lt, lt]
print("two more in a list", sys.getrefcount(lt))
del holder
del lt2
print("back to one", sys.getrefcount(lt))
print("a temporary", sys.getrefcount(object()))

def local():
    a = [int("1")]
    return sys.getrefcount(a)

print("a local", local())
