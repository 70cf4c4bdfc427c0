# C06: what happens when a count reaches zero: __del__ runs if the class has one, but it is not
# what frees the memory, and it may keep the object alive.
from __future__ import print_function
import gc

gc.disable()


class Person(object):
    def __del__(self):
        print("__del__ runs")


p = Person()
del p
print("after del p")

lst = [int("1000")]
address = id(lst)
del lst
print("a list (no __del__) is freed; the next list gets its memory:", id([int("2000")]) == address)

saved = []
calls = []


class Phoenix(object):
    def __del__(self):
        if not calls:  # resurrect the first time only
            saved.append(self)
        calls.append(1)


x = Phoenix()
del x
print("still alive after __del__ stored it:", len(saved))
del saved[:]
print("__del__ calls after its count reached zero twice:", len(calls))
