# del of list items and slices: when each removed object dies (a slice's items are let go last
# first, after the list is shortened), and how the list's array shrinks by version (3.13 keeps it
# when one item is deleted).
from __future__ import print_function
import sys

class Noisy(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name, "list now", len(items))

items = [Noisy("a"), Noisy("b"), Noisy("c"), Noisy("d"), Noisy("e")]
del items[1:4]
del items[-1]
print("left", len(items), sys.getsizeof(items))
del items[0]
print("empty", sys.getsizeof(items))
numbers = [float(k) for k in range(12)]
del numbers[3]
del numbers[0:9]
print(numbers, sys.getsizeof(numbers))
del items[:]  # the empty list clears: 3.13 frees the array its item deletions kept
print("cleared", sys.getsizeof(items))
popped = [1.5]
popped.pop()
before = sys.getallocatedblocks() if hasattr(sys, "getallocatedblocks") else 0
del popped[:]  # up to 3.11 the popped list keeps a small array, which list_clear frees
after = sys.getallocatedblocks() if hasattr(sys, "getallocatedblocks") else 0
print("popped and cleared", sys.getsizeof(popped), after - before)
