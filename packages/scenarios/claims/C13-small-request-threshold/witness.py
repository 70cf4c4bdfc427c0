# C13 witness: which request sizes does pymalloc serve?
#
# For each request size, create 1000 bytes objects whose allocation asks PyObject_Malloc for exactly
# that many bytes (sys.getsizeof(b"") is the fixed part, so bytes(n - empty) requests n bytes), and
# count how many more blocks pymalloc's pools hold afterwards (the "blocks in use" column of
# sys._debugmallocstats). About 1000 more: pymalloc served them. About none: they went to malloc.
import sys

# pymem-include: debugmallocstats.py

REQUESTS = (256, 257, 512, 513)
COPIES = 1000


def pymalloc_blocks_in_use():
    """Sum of the 'blocks in use' column, or None without pymalloc statistics."""
    text = debugmallocstats_text()
    if text is None or "Small block threshold" not in text:
        return None
    total = 0
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 5 and all(f.isdigit() for f in fields):
            total += int(fields[3])
    return total


empty = sys.getsizeof(b"")
if pymalloc_blocks_in_use() is None:
    print("pymalloc statistics unavailable")
else:
    for request in REQUESTS:
        before = pymalloc_blocks_in_use()
        keep = [bytes(request - empty) for _ in range(COPIES)]
        grew = pymalloc_blocks_in_use() - before
        print("request %d bytes: %s" % (request, "pymalloc" if grew >= COPIES * 9 // 10 else "malloc"))
        del keep
