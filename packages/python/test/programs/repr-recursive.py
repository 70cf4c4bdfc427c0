# A container met again inside its own repr prints as [...] or {...}; a tuple as (...) from 3.0 only
# (2.7's tuplerepr goes on, and the list inside it stops the recursion).
from __future__ import print_function
a = [1.5]
a.append(a)
d = {}
d["k"] = d
t = ([],)
t[0].append(t)
print(a, d, t)
print(repr(a))
