# C17 witness: which types keep their own dead objects for reuse (free lists, 2.7's int and float
# blocks), and which objects are shared through caches? An object is made and freed, then new objects
# of every small size are made (the flood: bytes; complex numbers for the 32-byte class of 64-bit
# builds; and, for the 16-byte class of 32-bit builds, floats when an int was freed and ints when a
# float was, more than either type's free list holds); if the next object of the first type still
# gets the freed object's address, the type kept that memory for itself: the shared allocator would
# have handed it to the flood.
from __future__ import print_function
import gc
import sys

TEXT = "object-specific"
DIGITS = "5000"  # above every small-int cache (3.15 caches up to 1024)
ITEMS = [1, 2, 3]
# The flood's arguments are made up front, so that the flood itself creates no int, float, str,
# tuple, list or dict that one of those types' own lists could serve.
BYTE_LENGTHS = list(range(1, 600))
COMPLEX_PARTS = [float(k) + 0.5 for k in range(8)]
NUMBER_TEXTS = [str(k + 6000) for k in range(300)]  # free lists keep at most 100 ints or floats
fill = b"x".__mul__


def keeps_own_memory(name, make):
    make()  # a first call makes the frame its code keeps (up to 3.10)
    gc.collect()  # empties the free lists, of start-up's objects too: no one can tell how many
    # one like it stays alive meanwhile, so freeing x never empties its pool (in CPython start-up's
    # blocks see to that; the model of a Pyodide run, whose start-up it cannot place, needs this one)
    kept = make()
    x = make()
    address = id(x)
    del x
    numbers = float if name == "int" else int
    flood = tuple(map(fill, BYTE_LENGTHS)), tuple(map(complex, COMPLEX_PARTS))  # no 3-tuple: see tuple
    more = tuple(map(numbers, NUMBER_TEXTS))
    y = make()
    return id(y) == address


for name, make in (
    ("int", lambda: int(DIGITS)),
    ("float", lambda: float(DIGITS)),
    ("str", lambda: TEXT * 2),
    ("tuple", lambda: tuple(ITEMS)),
    ("list", lambda: ITEMS[:]),
    ("dict", lambda: {}),
):
    print("%s keeps its freed objects: %s" % (name, keeps_own_memory(name, make)))

for digits in ("256", "257", "1024", "1025"):
    print("int(%r) is int(%r): %s" % (digits, digits, int(digits) is int(digits)))
char = getattr(__builtins__, "unichr", chr)  # 2.7: unichr gives the text type, as chr does in 3
print("chr(255) is chr(255): %s; chr(256) is chr(256): %s" % (char(255) is char(255), char(256) is char(256)))
intern = getattr(sys, "intern", None) or __builtins__.intern
a, b = TEXT * 2, TEXT * 2
print("equal strings made apart are one object: %s; after intern: %s" % (a is b, intern(a) is intern(b)))
