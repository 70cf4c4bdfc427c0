# A slot method bound to its object (a method-wrapper, b"x".__mul__), map() over it, over a type
# (complex) and over a lambda, and what each call leaves behind: the argument tuple tp_call gets
# (method-wrappers and complex on every version, map() until 3.9), 2.7's map building a list.
from __future__ import print_function
import sys
import gc

fill = b"x".__mul__
print("wrapper:", sys.getsizeof(fill), sys.getrefcount(b"x") > 2)
print("called:", fill(3), len(fill(40)))
lengths = [1, 2, 3]
made = tuple(map(fill, lengths))
print("map of a wrapper:", made)
squares = list(map(lambda n: n * n, range(5)))
print("map of a lambda:", squares, sys.getsizeof(squares))
numbers = tuple(map(complex, [1.5, -2.0]))
print("complex:", numbers, sys.getsizeof(numbers[0]), complex(0.0, -2.5), complex(3) == 3)
for text in map(fill, [2, 1]):
    print("loop:", text)
