# list() and tuple() of each kind of iterable: list() takes fresh memory (never the list free list),
# sizes its item array by version (exactly, even, or over-allocated), and tuple() grows its tuple in
# steps from a guessed length, then cuts it to size.
from __future__ import print_function
import sys
a = []
i = id(a)
del a
b = list()
print("list() takes the freed list's memory", id(b) == i)
print(sys.getsizeof(list((1, 2, 3, 4, 5))), sys.getsizeof(list([6, 7, 8])), sys.getsizeof(list("abcde")))
print(sys.getsizeof(list(range(9))), sys.getsizeof(list({"k": 1})))
t = tuple("wxyz")
print(t, sys.getsizeof(t), tuple(range(3)) == (0, 1, 2))
big = tuple(range(25))
print(len(big), sys.getsizeof(big), big[24])
same = (1.5, 2.5)
print("tuple() of a tuple is the tuple", tuple(same) is same, sys.getrefcount(same))
items = [[1], [2]]
copy = list(items)
print(copy[0] is items[0], sys.getrefcount(items[0]))
