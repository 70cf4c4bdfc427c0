# Identities: free lists hand back the memory of the object just freed; small ints are shared.
from __future__ import print_function
import gc
gc.disable()
a = float("1.5")
i = id(a)
del a
print("float", id(float("2.5")) == i)
n = int("5")
t = tuple([n, n, n])
i = id(t)
del t
print("tuple", id(tuple([n, n, n])) == i)
l = [n]
i = id(l)
del l
print("list", id([n]) == i)
print("small ints", int("256") is int("256"), int("-5") is int("-5"))
print("large ints", int("257") is int("257"), int("-6") is int("-6"))
print("latin-1 chars", chr(200) is chr(200))
