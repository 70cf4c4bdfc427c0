# 2.7: an int that does not fit a C long is a long (30-bit digits); 3.x has one int type.
from __future__ import print_function
import sys

for text in ["0", "1", "1073741823", "1073741824", "9223372036854775807", "9223372036854775808",
             "-9223372036854775808", "-9223372036854775809", "340282366920938463463374607431768211456"]:
    v = int(text)
    print(text, type(v).__name__, sys.getsizeof(v), repr([v]))

if sys.version_info[0] == 2:
    for text in ["0", "1", "1073741824", "-1"]:
        v = long(text)
        print("long", text, sys.getsizeof(v), v is long(text), v)
