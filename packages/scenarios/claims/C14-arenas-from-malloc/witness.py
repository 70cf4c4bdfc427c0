# C14 witness: where does pymalloc get its memory, and in what pieces? The arena size is read from
# sys._debugmallocstats() ("N arenas * SIZE bytes/arena", 3.3+). Whether arenas come from C malloc
# is measured: 50000 small objects are made, and C malloc's own count of bytes in use (glibc's
# mallinfo) is compared with the bytes the objects take.
from __future__ import print_function
import sys
from itertools import repeat

# pymem-include: debugmallocstats.py
# pymem-include: mallinfo.py

OBJECTS = 50000


def arena_size():
    """ARENA_SIZE as the statistics print it, or None without pymalloc statistics."""
    text = debugmallocstats_text()
    if text is None:
        return None
    for line in text.splitlines():
        if "bytes/arena" in line:
            return int(line.split("*")[1].split()[0])
    return None


size = arena_size()
print("arena size: %s" % ("%d bytes" % size if size else "no pymalloc statistics to read it from"))
if malloc_in_use() is None:
    print("C malloc statistics unavailable")
else:
    fill, length = b"x".__mul__, int("200")
    before = malloc_in_use()
    objs = [fill(length) for _ in repeat(None, OBJECTS)]
    grew = malloc_in_use() - before
    share = float(grew) / (OBJECTS * sys.getsizeof(objs[0]))
    print("memory of %d small objects came from C malloc: %s"
          % (OBJECTS, "yes" if share > 0.75 else "no" if share < 0.25 else "partly"))
    sys.stderr.write("C malloc grew by %d bytes for %d objects of %d bytes (%.0f%%)\n"
                     % (grew, OBJECTS, sys.getsizeof(objs[0]), 100 * share))
