# Shared by witnesses (`# pymem-include: debugmallocstats.py`): the text sys._debugmallocstats()
# writes to the C stderr (3.3+), captured through a temporary file, and which allocator it shows
# serving objects. Python 2.7 and 3.x alike.
import os
import sys
import tempfile


def debugmallocstats_text():
    """What sys._debugmallocstats() prints, or None where it does not exist."""
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
        return capture.read().decode("ascii", "replace")


def object_allocator():
    """What serves PyObject_Malloc here: "pymalloc", "mimalloc" or "malloc".

    3.6+ can change it at start-up (PYTHONMALLOC=malloc, 3.13+ also =mimalloc; free-threaded builds
    always use mimalloc), so it is read from the statistics, which Objects/obmalloc.c's
    _PyObject_DebugMallocStats prints for the allocator in use: mimalloc's have a "Medium block
    threshold" line, pymalloc's a "Small block threshold" line alone, plain malloc's neither. Before
    3.3 there are no statistics and no choice: the build decides (WITH_PYMALLOC).
    """
    text = debugmallocstats_text()
    if text is None:
        import sysconfig  # here, not above: the other witnesses' imports stay as they were

        return "pymalloc" if sysconfig.get_config_var("WITH_PYMALLOC") else "malloc"
    if "Medium block threshold" in text:
        return "mimalloc"
    return "pymalloc" if "Small block threshold" in text else "malloc"
