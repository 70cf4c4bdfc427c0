# C04: every value is an object with a count, but not every count is kept, and counts alone
# cannot free a cycle. "moves" = does binding one more name change sys.getrefcount?
from __future__ import print_function
import gc
import sys

gc.disable()
gc.collect()


def show(label, before, after):
    print(label, "count moves:", "yes" if after != before else "no")


lt = [int("1")]
before = sys.getrefcount(lt)
lt2 = lt
show("a new list", before, sys.getrefcount(lt))

f = float("1.5")
before = sys.getrefcount(f)
f2 = f
show("a new float", before, sys.getrefcount(f))

n = int("10")
before = sys.getrefcount(n)
n2 = n
show("the int 10", before, sys.getrefcount(n))

before = sys.getrefcount(None)
nothing = None
show("None", before, sys.getrefcount(None))

a = []
a.append(a)
del a
print("a list holding itself, left after del; the collector found", gc.collect())
