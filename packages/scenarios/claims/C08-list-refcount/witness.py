# C08: a list bound to two names, counted by sys.getrefcount before and after `del lt2`.
from __future__ import print_function
import sys

lt = [int("1"), int("2"), int("3")]
lt2 = lt
print("module level:", sys.getrefcount(lt))
del lt2
print("after del lt2:", sys.getrefcount(lt))


def inside():
    lt = [int("1"), int("2"), int("3")]
    lt2 = lt
    before = sys.getrefcount(lt)
    del lt2
    return before, sys.getrefcount(lt)


print("in a function:", *inside())
