# Floats, str and bytes the compiler folds: a minus sign before a number (2.7 reads -7.5 as one
# literal, not -(7.5)), float arithmetic, and sequences up to 20 items (2.7, 3.6) or 4096
# characters (3.7+).
from __future__ import print_function
import sys


def count(label, x):
    print(label, sys.getrefcount(x) - 1)


count("-7.5", -7.5)
count("-(7.5)", -(7.5))
count("7.5*3", 7.5 * 3)
count("-7.5//2", -7.5 // 2)
count("a.*10", "a." * 10)
count("a.*11", "a." * 11)
count("a.*2048", "a." * 2048)
count("a.*2049", "a." * 2049)
count("b.*21", b"b." * 21)
count("concat", "a b" + "cd")
