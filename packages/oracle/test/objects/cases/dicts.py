# sys.getsizeof of dicts of 0 to 100 items: built item by item, as literals, and with dict().
from __future__ import print_function
import sys

n = int("7")
names = ["k%d" % i for i in range(101)]
ns = {"n": n}
for i in range(101):
    ns["v%d" % i] = names[i]


def inserted(k, key):
    d = {}
    for i in range(k):
        d[key(i)] = n
    return d


def literal(k):
    # {v0: n, v1: n, ...}: the compiler's own way of building a literal of k items
    return eval("{" + ", ".join("v%d: n" % i for i in range(k)) + "}", ns)


def show(label, build):
    print(label, *[sys.getsizeof(build(k)) for k in range(101)])


show("inserted str", lambda k: inserted(k, lambda i: names[i]))
show("inserted int", lambda k: inserted(k, lambda i: 1000 + i))
show("literal", literal)
show("dict(pairs)", lambda k: dict([(names[i], n) for i in range(k)]))
show("dict(dict)", lambda k: dict(inserted(k, lambda i: names[i])))

d = {"a": n, "b": n, "c": n}
before = sys.getsizeof(d)
d[n] = n
print("str keys, then an int key", before, sys.getsizeof(d))
