# Small ints (-5 to 256) are shared, so `is` is true for them; bigger ones are new objects each time.
from __future__ import print_function

print("256", int("256") is int("256"))
print("257", int("257") is int("257"))
print("-5", int("-5") is int("-5"))
print("-6", int("-6") is int("-6"))
a = 100
b = 50 + 50
print("computed 100", a is b)
x = int("1000")
y = x
print("same object through a name", x is y)
print("equal but not the same", x is int("1000"), x == int("1000"))
