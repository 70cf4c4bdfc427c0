# C14 witness: where does pymalloc get its memory, and in what pieces? The arena size is read from
# sys._debugmallocstats() ("N arenas * SIZE bytes/arena", 3.3+). Whether arenas come from C malloc
# is measured: 50000 small objects are made, and C malloc's own count of bytes in use (glibc's
# mallinfo) is compared with the bytes the objects take.
from __future__ import print_function
import ctypes
import os
import sys
import tempfile
from itertools import repeat

OBJECTS = 50000


def arena_size():
    """ARENA_SIZE as the statistics print it, or None without pymalloc statistics."""
    if not hasattr(sys, "_debugmallocstats"):
        return None
    sys.stderr.flush()
    with tempfile.TemporaryFile() as capture:
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read().decode("ascii", "replace")
    for line in text.splitlines():
        if "bytes/arena" in line:
            return int(line.split("*")[1].split()[0])
    return None


class MallInfo(ctypes.Structure):
    _fields_ = [(name, ctypes.c_int) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def malloc_in_use():
    """Bytes C malloc has handed out (heap and mmapped chunks), or None without glibc's mallinfo."""
    try:
        mallinfo = ctypes.CDLL(None).mallinfo
    except (AttributeError, OSError):
        return None
    mallinfo.restype = MallInfo
    info = mallinfo()
    return info.uordblks + info.hblkhd


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
