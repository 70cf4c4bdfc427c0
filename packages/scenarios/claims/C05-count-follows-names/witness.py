# C05: "a new object bound to a name counts 1, each extra name adds 1, each removed name takes 1",
# read the way the article does: sys.getrefcount(x) - 1, since the call's argument is one more.
from __future__ import print_function
import sys

lt = [int("1")]
print("new list, one name:", sys.getrefcount(lt) - 1)
lt2 = lt
print("a second name:", sys.getrefcount(lt) - 1)
del lt2
print("that name deleted:", sys.getrefcount(lt) - 1)


def in_a_function():
    mine = [int("1")]
    return sys.getrefcount(mine) - 1


print("a new list in a function, one name:", in_a_function())

n = int("10")
print("the int 10, one name, counts 1:", sys.getrefcount(n) - 1 == 1)
before = sys.getrefcount(n)
n2 = n
print("the int 10, a second name adds 1:", sys.getrefcount(n) - before == 1)

intern = getattr(sys, "intern", None) or intern  # a builtin on 2.7
s = intern("".join(["pymem_", "c05_word"]))
print("an interned str, one name, counts 1:", sys.getrefcount(s) - 1 == 1)
