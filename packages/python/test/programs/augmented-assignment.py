# += on a list mutates it in place (same id); on a tuple, str or int it makes a new object.
from __future__ import print_function

l = [1]
i = id(l)
l += [2, 3]
print("list", id(l) == i, len(l))
t = (1,)
j = id(t)
t += (2,)
print("tuple", id(t) == j, len(t))
n = int("1000")
k = id(n)
n += 1
print("int", id(n) == k)
s = "".join(["a", "b"])
m = id(s)
alias = s
s += "c"
print("str with an alias", id(s) == m, alias)
