# Shared by witnesses (`# pymem-include: mallinfo.py`): how many bytes C malloc has handed out, from
# glibc's mallinfo(), read through ctypes. Python 2.7 and 3.x alike.
import ctypes


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
