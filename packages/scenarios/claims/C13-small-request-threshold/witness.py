# C13 witness: which request sizes does pymalloc serve?
#
# For each request size, create 1000 bytes objects whose allocation asks PyObject_Malloc for exactly
# that many bytes (sys.getsizeof(b"") is the fixed part, so bytes(n - empty) requests n bytes), and
# count how many more blocks pymalloc's pools hold afterwards (the "blocks in use" column of
# sys._debugmallocstats). About 1000 more: pymalloc served them. About none: they went to malloc.
# Where mimalloc serves objects instead (PYTHONMALLOC=mimalloc, free-threaded builds), its own
# "Allocated Blocks" count is read the same way.
import sys

# pymem-include: debugmallocstats.py

REQUESTS = (256, 257, 512, 513)
COPIES = 1000


ALLOCATOR = object_allocator()


def blocks_in_use():
    """Blocks the object allocator holds: pymalloc's 'blocks in use' column summed, or mimalloc's count."""
    text = debugmallocstats_text()
    if ALLOCATOR == "mimalloc":
        return int([line for line in text.splitlines() if "Allocated Blocks:" in line][0].split(":")[1])
    total = 0
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 5 and all(f.isdigit() for f in fields):
            total += int(fields[3])
    return total


empty = sys.getsizeof(b"")
if debugmallocstats_text() is None or ALLOCATOR == "malloc":
    print("pymalloc statistics unavailable")
else:
    for request in REQUESTS:
        before = blocks_in_use()
        keep = [bytes(request - empty) for _ in range(COPIES)]
        grew = blocks_in_use() - before
        print("request %d bytes: %s" % (request, ALLOCATOR if grew >= COPIES * 9 // 10 else "malloc"))
        del keep
