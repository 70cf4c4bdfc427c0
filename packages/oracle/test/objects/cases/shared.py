# What sys.getrefcount shows for objects the interpreter shares with every program.
from __future__ import print_function
import sys
IMMORTAL = {
    4294967295: "immortal",  # 3.12, 3.13, 64-bit: UINT_MAX
    1073741823: "immortal",  # 3.12, 3.13, 32-bit: UINT_MAX >> 2
    3221225472: "immortal",  # 3.14 64-bit: 3 << 30
    1879048192: "immortal",  # 3.14 32-bit, statically allocated: 7 << 28
    1342177280: "immortal",  # 3.14 32-bit: 5 << 28
}

def kind(obj):
    rc = sys.getrefcount(obj)
    if rc in IMMORTAL:
        return "immortal"
    if rc >= 999999999:
        return "static"
    return "runtime-held"

print("small int", kind(int("10")))
print("None", kind(None))
print("empty tuple", kind(tuple([])))
print("latin-1 char", kind(chr(97)))

# A string built at run time, interned and bound to one name.
s = sys.intern("".join(["inter", "ned"])) if hasattr(sys, "intern") else intern("".join(["inter", "ned"]))
print("interned str", kind(s) if sys.getrefcount(s) > 100 else sys.getrefcount(s))

# The fixed count of immortal objects (PEP 683, 3.12+), which differs by version and pointer size,
# and on 32-bit 3.14+ between statically allocated objects and others.
if sys.version_info >= (3, 12):
    print("immortal counts", sys.getrefcount(None), sys.getrefcount(int("10")), sys.getrefcount(tuple([])))
else:
    print("immortal counts", "none before 3.12")
