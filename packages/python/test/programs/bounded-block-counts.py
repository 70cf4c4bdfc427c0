# block counts on either side of a comprehension's frame and of free-list guesses: compared within a margin
from __future__ import print_function
import sys

if hasattr(sys, "getallocatedblocks"):
    before = sys.getallocatedblocks()
    keep = [bytes(300) for _ in range(1000)]
    grew = sys.getallocatedblocks() - before
    del keep
    after = sys.getallocatedblocks() - before
    print(grew >= 990, grew <= 1010, grew > 2000, grew != 0, bool(grew), grew + 5 > 1000)
    print(after < 10, after > -10, after - grew < -900)
else:
    print("no getallocatedblocks")
