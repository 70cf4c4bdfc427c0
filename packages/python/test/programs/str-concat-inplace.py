# s += t on a string nobody else holds may grow it in place (same id); with a second name it cannot.
from __future__ import print_function

s = "".join(["ab", "cd"])
before = id(s)
s += "e"
print("alone", id(s) == before, s)
t = "".join(["ab", "cd"])
alias = t
before = id(t)
t += "e"
print("with an alias", id(t) == before, alias, t)
n = 0
u = ""
while n < 5:
    u += "x"
    n += 1
print("built in a loop", u, len(u))
