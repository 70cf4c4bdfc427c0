# C12 witness: which request sizes does PyMem_Malloc serve from pymalloc's pools? PyMem_Malloc is
# called through ctypes 100 times per size, and C malloc's own count of bytes in use (glibc's
# mallinfo) is read before and after: if it grew by about the bytes asked for, C malloc served them;
# if it barely moved, pymalloc's pools did (their arenas are mapped from the OS without malloc), or
# mimalloc on a build that uses it instead. 262143 bytes is just under the 256 KiB the article gives
# as the limit.
from __future__ import print_function
import ctypes

# pymem-include: mallinfo.py
# pymem-include: debugmallocstats.py

COPIES = 100
SIZES = (64, 512, 513, 4096, 262143)


def c_function(name, restype, argtype):
    f = getattr(ctypes.pythonapi, name)
    f.restype, f.argtypes = restype, [argtype]
    return f


def served_by(size):
    alloc = c_function("PyMem_Malloc", ctypes.c_void_p, ctypes.c_size_t)
    free = c_function("PyMem_Free", None, ctypes.c_void_p)
    blocks = (ctypes.c_void_p * COPIES)()  # a C array: keeping the pointers makes no Python objects
    before = malloc_in_use()
    for i in range(COPIES):
        blocks[i] = alloc(size)
    grew = malloc_in_use() - before
    for i in range(COPIES):
        free(blocks[i])
    return "malloc" if grew * 2 >= COPIES * size else object_allocator()


if malloc_in_use() is None:
    print("C malloc statistics unavailable")
else:
    for size in SIZES:
        print("PyMem_Malloc(%d): %s" % (size, served_by(size)))
