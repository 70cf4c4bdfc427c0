# sys.getsizeof of objects built at run time (constants could carry cached forms).
from __future__ import print_function
import sys

class C(object):
    pass

class S(object):
    __slots__ = ("a", "b")

n = int("7")
for text in ["0", "1", "1000", "1073741824", "1152921504606846976", "-1099511627776"]:
    print("int", text, sys.getsizeof(int(text)))
print("float", sys.getsizeof(float("1.5")))
print("str ascii", sys.getsizeof(str("")), sys.getsizeof("".join(["a", "b", "c"])))
print("str latin-1", sys.getsizeof(chr(233) * 3))
print("bytes", sys.getsizeof(b"".join([b"a", b"b", b"c"])))
print("tuple", sys.getsizeof(()), sys.getsizeof(tuple([n])), sys.getsizeof(tuple([n, n, n])))
print("list", sys.getsizeof([]), sys.getsizeof([n, n, n]))
grown = []
sizes = []
for i in range(12):
    grown.append(n)
    sizes.append(sys.getsizeof(grown))
print("list appends", *sizes)
d = {}
empty = sys.getsizeof(d)
d["a"] = n
one = sys.getsizeof(d)
for k in ["b", "c", "d", "e"]:
    d[k] = n
five = sys.getsizeof(d)
ints = {}
ints[n] = n
print("dict", empty, one, five, sys.getsizeof(ints))
print("instance", sys.getsizeof(C()), sys.getsizeof(S()), sys.getsizeof(object()))
