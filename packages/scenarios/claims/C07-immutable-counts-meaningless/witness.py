# C07: are counts of immutable objects meaningless? "ordinary" = sys.getrefcount shows exactly the
# program's own references plus the call's argument, and moves by one per added name.
from __future__ import print_function
import sys


def ordinary(before, after_second_name, names=1):
    return before == names + 1 and after_second_name == before + 1


a = 10  # the article's example
before = sys.getrefcount(a)
b = a
print("the int 10 (immutable, cached):", ordinary(before, sys.getrefcount(a)))
print("  a second name changes it:", sys.getrefcount(a) != before)

f = float("1.5")
before = sys.getrefcount(f)
g = f
print("a float made at run time (immutable):", ordinary(before, sys.getrefcount(f)))

t = tuple([f])
before = sys.getrefcount(t)
u = t
print("a tuple made at run time (immutable):", ordinary(before, sys.getrefcount(t)))

big = int("1000")
before = sys.getrefcount(big)
big2 = big
print("the int 1000 made at run time (immutable):", ordinary(before, sys.getrefcount(big)))


class Box(object):
    pass


before = sys.getrefcount(Box)
alias = Box
print("a class (mutable):", ordinary(before, sys.getrefcount(Box)))
