# C19: right after `lt2 = lt`, the list's own count (ob_refcnt, read from the object's header with
# ctypes, so that no call holds the list while it is read) and what sys.getrefcount reports, at module
# level and inside a function, against the article's comment (the count itself is 1 there).
from __future__ import print_function
import ctypes
import sys

ARTICLE_SAYS = 1
# ob_refcnt is the header's first field. Its low 32 bits hold the count: at offset 0 on a little-endian
# build (x86-64, wasm32), at the field's end on a big-endian one; on 3.14+ 64-bit builds they are the
# whole 32-bit count, beside the overflow and flag bits.
OFFSET = 0 if sys.byteorder == "little" else ctypes.sizeof(ctypes.c_ssize_t) - 4


def count_at(address):
    # Takes id(obj), not obj: the argument holds no reference to the list.
    return ctypes.c_uint32.from_address(address + OFFSET).value


lt = [int("1"), int("2"), int("3")]
lt2 = lt
module = count_at(id(lt)), sys.getrefcount(lt)
print("module level: count", module[0], "getrefcount", module[1])


def inside():
    lt = [int("1"), int("2"), int("3")]
    lt2 = lt
    return count_at(id(lt)), sys.getrefcount(lt)


function = inside()
print("in a function: count", function[0], "getrefcount", function[1])
print("count %d there, as the article's comment says:" % ARTICLE_SAYS, module[0] == ARTICLE_SAYS, function[0] == ARTICLE_SAYS)
