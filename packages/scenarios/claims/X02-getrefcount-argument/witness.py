# X02: does sys.getrefcount(x) count one reference more than x has, the one its own argument holds?
# Each object below is bound once (twice for the last local); the function is called with a new list.
from __future__ import print_function
import sys


class Box(object):
    pass


shared = [int("0")]


def probe(param):
    local = [int("1")]
    box = Box()
    box.item = [int("2")]
    items = [[int("3")]]
    print("a local bound once:", sys.getrefcount(local))
    print("a parameter:", sys.getrefcount(param))
    print("an attribute:", sys.getrefcount(box.item))
    print("an item of a list:", sys.getrefcount(items[0]))
    print("a global bound once:", sys.getrefcount(shared))
    alias = local
    print("a local bound twice:", sys.getrefcount(local))
    del alias


probe([int("4")])
print("the global, at module level:", sys.getrefcount(shared))
