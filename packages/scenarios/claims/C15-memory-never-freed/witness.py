# C15 witness: does memory pymalloc took go back to the operating system, or is it kept for good?
# Watches the process's address space (VmSize, /proc/self/statm) while 200000 small objects are made,
# nine in ten of them freed (one survivor left in every pool), and then the rest freed. Arenas are
# mapped and unmapped whole, so the address space follows pymalloc's arenas. Where mimalloc serves
# objects instead, what a run sees depends on time (it gives freed pages back after a delay) and on
# how much it reserved ahead, so there the figures go to stderr and no answer is printed.
from __future__ import print_function
import sys
from itertools import repeat

# pymem-include: debugmallocstats.py

OBJECTS = 200000


def address_space():
    """Bytes of address space the process has mapped, or None where /proc is missing."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * 4096
    except (IOError, OSError):
        return None


def given_back(peak, now, base):
    share = float(peak - now) / (peak - base)
    return "most" if share > 0.75 else "little" if share < 0.25 else "some"


def watch(fill, length):
    """The address space before, with all objects, with one in ten, and with none."""
    base = address_space()
    objs = [fill(length) for _ in repeat(None, OBJECTS)]
    peak = address_space()
    keep = objs[::10]
    del objs
    nine_tenths = address_space()
    del keep
    after_all = address_space()
    sys.stderr.write("address space above the start, KiB: %d with all objects, %d with one in ten, %d with none\n"
                     % ((peak - base) // 1024, (nine_tenths - base) // 1024, (after_all - base) // 1024))
    return base, peak, nine_tenths, after_all


if address_space() is None:
    print("address space: not measurable here")
else:
    base, peak, nine_tenths, after_all = watch(b"x".__mul__, int("200"))
    allocator = object_allocator()
    if allocator != "pymalloc":
        print("objects come from %s: what is given back depends on time, not judged" % allocator)
    else:
        print("freed 9 in 10 objects, the rest spread over every pool: given back:", given_back(peak, nine_tenths, base))
        print("freed them all: given back:", given_back(peak, after_all, base))
