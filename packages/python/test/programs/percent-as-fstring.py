# 3.11+ compile "..." % (a, b) as an f-string when every conversion is %s or %r: no tuple is made,
# and a lone %s of a str gives that str back. 3.11 - 3.13 keep % for a constant tuple.
from __future__ import print_function
import gc
import sys

gc.disable()
x = 1.5
s = "text"
print("%s and %r" % (x, s), "%%%s%%" % (s,))
print("a lone %s is the str:", ("%s" % (s,)) is s)
runs = [lambda: "%s" % (x,), lambda: "<%r>" % (x,), lambda: "%s" % (1,), lambda: "%d" % (len(s),)]
deltas = []
if hasattr(sys, "getallocatedblocks"):
    for run in runs:
        run()
    for run in runs:
        gc.collect()
        before = sys.getallocatedblocks()
        run()
        deltas.append(sys.getallocatedblocks() - before)
print("blocks each format left:", deltas)
