# When __del__ runs, and how often, with and without resurrection.
from __future__ import print_function
import gc
gc.disable()

class Person(object):
    def __del__(self):
        print("__del__")

p = Person()
del p
print("after del")

saved = []
calls = []

class Phoenix(object):
    def __del__(self):
        calls.append(1)
        saved.append(self)

x = Phoenix()
del x
print("resurrected", len(saved))
del saved[:]
print("finalizer calls", len(calls))
