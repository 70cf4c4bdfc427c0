# Class attributes are shared by all instances until an instance assigns its own.
from __future__ import print_function
import sys

class Counter(object):
    shared = []
    count = 0

    def bump(self):
        self.count = self.count + 1

a = Counter()
b = Counter()
print("shared list", a.shared is b.shared, sys.getrefcount(Counter.shared))
a.shared.append(1)
print("appended through a", len(b.shared))
a.bump()
a.bump()
print("counts", a.count, b.count, Counter.count)
print("own attribute", "count" in a.__dict__, "count" in b.__dict__)
b.shared = []
print("b has its own list now", a.shared is b.shared, sys.getrefcount(Counter.shared))
