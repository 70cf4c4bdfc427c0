# C03: what CPython's cycle collector does, which the article's "garbage collection" section never
# describes: its thresholds, and what it finds in cycles that reference counting cannot free.
from __future__ import print_function
import gc

gc.disable()
gc.collect()  # start from a heap without garbage left over from start-up
print("thresholds", *gc.get_threshold())

a = []
a.append(a)
del a
print("a list holding itself:", gc.collect(), "found")


class Plain(object):
    pass


x = Plain()
y = Plain()
x.other = y
y.other = x
del x, y
print("two instances holding each other:", gc.collect(), "found")


class Finalized(object):
    def __del__(self):
        print("  __del__ runs")


x = Finalized()
y = Finalized()
x.other = y
y.other = x
del x, y
found = gc.collect()
print("the same with __del__:", found, "found,", len(gc.garbage), "left in gc.garbage")
