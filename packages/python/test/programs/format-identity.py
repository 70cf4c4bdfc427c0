# 3.x: "{}".format(s), "%s" % s hand s back; str(5) is a str of its own; 2.7 formats into new strs
from __future__ import print_function
import sys
a = 5
s = "hello world"
c0 = sys.getrefcount(s)
t = "{}".format(s)
u = "%s" % s
w = "{0!s}".format(s)
v = "%s" % (s,)
print(t is s, u is s, w is s, v is s, sys.getrefcount(s) - c0)
print(str(a) is str(a), repr(a) is repr(a), "{}".format(a) is "{}".format(a), "%d" % a is "%d" % a)
print("{}{}".format(s, "") is s, "[%s]" % s is "[%s]" % s, "{:>3}|{:<05}|{:5}".format(a, a, True))
print("%+d|% d|%.3d|%05d|%-4d|%.2s|%5.1f|%.0f" % (a, a, a, -a, a, "abc", 2.25, 0.5))
