# float // and % as CPython rounds them, ints against floats exactly, exact powers, 2.7's str of a float
from __future__ import print_function
x, z, big = 6.0, -0.0, 2 ** 53
print(x % -3, z % 1, z // 1, 1.0 // 0.1, -5 % 3.0, 7.5 // -2, -7.5 % 2, (x * 1e308) // 1)
print(big + 1 == float(big + 1), big + 1 > float(big + 1), 10 ** 25 == 1e25, 3 == 3.0, 2 < 2.5)
n, f, two, m, h, g = 7, 0.5, 2, -1, 1.5, -2.0
print(two ** m, f ** two, h ** 3, g ** 3, n ** 0, 4 ** (m * 2), f ** m)
print(0.1 + 0.2, 1.0 / 3, 1e15, 1e16, 0.0001, 0.00001, -0.0, 100.0, 2.5e-7)
print(str(0.1 + 0.2), "%s" % (n / 49.0), float("inf"), float("-Infinity"), float(" 2.5 "))
try:
    print(1 >> -n)
except ValueError:
    print("ValueError")
