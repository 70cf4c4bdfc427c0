# Constants in a display: 3.9+ fold [c1, c2, c3] into a tuple and extend an empty list by it, so the
# list's capacity differs by version; the items of a folded tuple are not co_consts entries of their
# own, and 3.7 does not merge them with equal constants elsewhere.
from __future__ import print_function
import sys

small = [1, 2, 3]
floats = [1.5, 2.5, 3.5, 4.5, 5.5]
print("sizes", sys.getsizeof(small), sys.getsizeof(floats))
print("a float in the display", sys.getrefcount(floats[0]))
t = (1.5, 2.5, 3.5, 4.5, 5.5)
print("the tuple", sys.getrefcount(t), "its first item", sys.getrefcount(t[0]))
print("one object", floats[0] is t[0])
grown = []
grown += (7, 8, 9, 10, 11)
print("empty list extended", sys.getsizeof(grown))
del grown[:]
grown += [7, 8, 9]
print("cleared, extended", sys.getsizeof(grown))
more = [0]
more += [1, 2, 3, 4, 5]
print("extended from one item", sys.getsizeof(more))
