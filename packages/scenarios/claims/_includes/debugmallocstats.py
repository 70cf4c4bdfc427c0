# Shared by witnesses (`# pymem-include: debugmallocstats.py`): the text sys._debugmallocstats()
# writes to the C stderr (3.3+), captured through a temporary file. Python 2.7 and 3.x alike.
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
