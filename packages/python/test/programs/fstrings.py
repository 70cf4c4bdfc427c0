# f-strings (3.6+; a SyntaxError on 2.7): the formatted values are evaluated like any expression.
# pymem: python >= 3.6
from __future__ import print_function
import sys

lt = [1, 2, 3]
print(f"lt has {len(lt)} items and {sys.getrefcount(lt)} references")
n = int("42")
print(f"{n} as hex: {n:x}, padded: {n:5d}, size {sys.getsizeof(n)}")
print(f"nested {[x * 2 for x in lt]}")
