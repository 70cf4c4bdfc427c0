# %-formatting and str.format make new strings; the objects they format keep their counts.
from __future__ import print_function
import sys

lt = [1, 2]
line = "%s has %d items, count %d" % ("lt", len(lt), sys.getrefcount(lt))
print(line)
print("{0} is {1} bytes".format("[]", sys.getsizeof([])))
print("{name}: {n}".format(name="count", n=sys.getrefcount(lt)))
print("%5.1f|%-4s|%x" % (2.25, "ab", 255))
print("hex of a size", hex(sys.getsizeof(())))
s = "%s" % "abc"
print("formatting a str with %s", s == "abc")
