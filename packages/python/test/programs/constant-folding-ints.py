# Ints the compiler folds before the run, up to each version's limit (2.7: any size; 3.6+: 128
# bits, by safe_multiply, safe_power, safe_lshift): a folded result is a constant of the code object
# (3.7+: of the AST arena too), so its count is higher than a value computed while running.
from __future__ import print_function
import sys


def count(label, x):
    print(label, sys.getrefcount(x) - 1)


count("2**64", 2 ** 64)
count("2**100", 2 ** 100)
count("2**128", 2 ** 128)
count("big*big", 12345678901234567890 * 12345678901234567890)
count("big*bigger", 123456789012345678901234567890 * 123456789012345678901234567890123456789012345)
count("1<<100", 1 << 100)
count("1<<130", 1 << 130)
count("~5000", ~5000)
count("7000//2", 7000 // 2)
count("7001%2000", 7001 % 2000)
count("chain", 3000 + 1 - 2)
