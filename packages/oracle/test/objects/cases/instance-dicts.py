# obj.__dict__ of instances: 3.3 - 3.10 share the keys of one class's instance dicts (split tables).
from __future__ import print_function
import sys

n = int("7")
names = ["a%d" % i for i in range(30)]

if sys.version_info >= (3, 11):
    print("3.11+: attributes live in the object, __dict__ is built on demand")
else:
    for k in [0, 1, 5, 6, 10, 11, 21, 22, 29]:
        class C(object):
            pass
        sizes = []
        for j in range(3):
            o = C()
            for name in names[:k]:
                setattr(o, name, n)
            sizes.append(sys.getsizeof(o.__dict__))
        print(k, "attributes, three instances:", *sizes)

    class D(object):
        pass
    x = D()
    x.a = n
    x.b = n
    y = D()
    y.b = n
    y.a = n
    print("same names, other order", sys.getsizeof(x.__dict__), sys.getsizeof(y.__dict__))
    z = D()
    d = z.__dict__
    empty = sys.getsizeof(d)
    z.a = n
    print("after the class stopped sharing", empty, sys.getsizeof(d))
