# C11 witness: which allocator serves each layer's C API? Each function is called through ctypes
# 100 times, and C malloc's own count of bytes in use (glibc's mallinfo) is read before and after:
# if it grew by about the bytes asked for, C malloc served them (layers +1 and 0); if it barely
# moved, the object allocator did (layer +2): pymalloc, whose arenas are mapped from the OS without
# malloc, or on a build that uses mimalloc instead, mimalloc, which maps its memory the same way.
from __future__ import print_function
import ctypes

# pymem-include: mallinfo.py
# pymem-include: debugmallocstats.py

COPIES = 100
CALLS = (
    ("PyMem_RawMalloc", "PyMem_RawFree", 64),
    ("PyMem_Malloc", "PyMem_Free", 64),
    ("PyObject_Malloc", "PyObject_Free", 64),
    ("PyObject_Malloc", "PyObject_Free", 1000),
)


def c_function(name, restype, argtype):
    f = getattr(ctypes.pythonapi, name)
    f.restype, f.argtypes = restype, [argtype]
    return f


def served_by(alloc_name, free_name, size):
    if not hasattr(ctypes.pythonapi, alloc_name):
        return "not in this version"
    alloc = c_function(alloc_name, ctypes.c_void_p, ctypes.c_size_t)
    free = c_function(free_name, None, ctypes.c_void_p)
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
    for alloc_name, free_name, size in CALLS:
        print("%s(%d): %s" % (alloc_name, size, served_by(alloc_name, free_name, size)))
