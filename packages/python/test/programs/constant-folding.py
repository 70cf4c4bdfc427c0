# Expressions of constants the compiler computes before the program runs (constant folding): their
# results are constants of the code object (2.7 and 3.6: the peephole optimizer; 3.7+: the AST
# optimizer, whose arena holds them too), up to each version's limits: 2.7 folds ints of any size
# and sequences up to 20 items, 3.6 ints up to 128 bits, 3.7+ str and bytes up to 4096 characters.
# A list iterated by `for` or searched by `in` is a tuple (a constant one when its items are).
from __future__ import print_function
import sys


def count(label, x):
    print(label, sys.getrefcount(x) - 1)


count("2**64", 2 ** 64)
count("2**100", 2 ** 100)
count("2**128", 2 ** 128)
count("big*big", 12345678901234567890 * 12345678901234567890)
count("big*bigger", 123456789012345678901234567890 * 123456789012345678901234567890123456789012345)
count("a.*10", "a." * 10)
count("a.*11", "a." * 11)
count("a.*2048", "a." * 2048)
count("a.*2049", "a." * 2049)
count("b.*21", b"b." * 21)
count("1<<100", 1 << 100)
count("1<<130", 1 << 130)
count("-7.5", -7.5)
count("-(7.5)", -(7.5))
count("~5000", ~5000)
count("7000//2", 7000 // 2)
count("7001%2000", 7001 % 2000)
count("7.5*3", 7.5 * 3)
count("-7.5//2", -7.5 // 2)
count("concat", "a b" + "cd")
count("chain", 3000 + 1 - 2)
t = (1, -2, 3.5)
print(t, sys.getrefcount(t), -t[2])
u = [1.5, -2.5, 3.5]
print(sys.getsizeof(u))
a = 5000.5
print([a, 2] == [5000.5, 2], a in [1.5, a], sys.getrefcount(a))
for q in [a, 1.5]:
    print("iterated", sys.getrefcount(q))
for q in [7.25, -8.25]:
    print("constant", sys.getrefcount(q))


def g(v):
    for z in [v, 2.5, -1.5]:
        pass
    return sys.getrefcount(v)


print(g(a), 2.5 not in [-1.5, 2.5])
