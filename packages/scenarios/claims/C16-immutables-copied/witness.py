# C16 witness: is an int, a str or a tuple copied when it is assigned, and copied again when it
# "changes"? `is` tells whether two names hold one object. Values are computed at run time, so that
# no constant is shared through the compiled code.
from __future__ import print_function

CASES = (
    ("int", lambda: int("5000"), lambda x: x + 1),
    ("str", lambda: "ab" * int("10"), lambda x: x + "!"),
    ("tuple", lambda: tuple([int("5000"), int("6000")]), lambda x: x + (1,)),
    ("list", lambda: [int("5000"), int("6000")], lambda x: x + [1]),
)

for name, make, change in CASES:
    a = make()
    b = a
    print("%s: after b = a, one object: %s" % (name, a is b))
    a = change(a)
    print("%s: after a = a + ..., one object: %s; b unchanged: %s" % (name, a is b, b == make()))

a = [int("5000")]
b = a
a += [1]  # a list changes in place: both names see it
print("list: after a += [1], one object: %s; b changed too: %s" % (a is b, len(b) == 2))

for start in ("200", "300"):
    a = int(start)
    b = a
    a = a + 1
    a = a - 1  # back to the same value: a cached small int is the very same object again
    print("int %s: after a = a + 1 and a = a - 1, one object again: %s" % (start, a is b))
