# Ints grow by 30-bit digits (2.7: machine ints, then longs); a float is always the same size.
from __future__ import print_function
import sys

for text in ["0", "1", "255", "1073741823", "1073741824", "1152921504606846976"]:
    print("int", text, sys.getsizeof(int(text)))
print("float", sys.getsizeof(float("1.5")), sys.getsizeof(float("1e300")))
print("bool", sys.getsizeof(True))
print("None", sys.getsizeof(None))
