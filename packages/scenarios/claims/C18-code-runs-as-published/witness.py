# -*- coding: utf-8 -*-
# C18: does the article's section-2 code run as published? Each variant is written to a file as UTF-8
# and run as a reader runs it, `python file.py` (sys.executable in a child process). Pyodide starts no
# processes, so there the file is imported instead; on native builds the import is done as well and a
# line says so if it ends otherwise than the script (it goes through the same tokenizer and parser: 2.7
# reads an imported file as it reads a script, where compile() of the same bytes skips PEP 263's check).
# The coding line above is the witness's own, for the Chinese in the code lines below on 2.7.
from __future__ import print_function
import os
import re
import shutil
import subprocess
import sys
import tempfile

# pymem-include: article_code.py

CODING_LINE = u"# -*- coding: utf-8 -*-"


def fix_indentation(lines):
    # The fix a reader makes: the lines above `class Person:` lose the two spaces they start with.
    end = lines.index(u"class Person:")
    return [line[2:] if i < end and line.startswith(u"  ") else line for i, line in enumerate(lines)]


def outcome(kind, line, message):
    if kind is None:
        return "ran to the end"
    if "Non-ASCII" in message:  # 2.7's Parser/tokenizer.c, decoding_fgets
        message = "non-ASCII byte, no coding declaration"
    return "%s at line %s (%s)" % (kind, line, message.strip())


def ran(printed):
    # The program's last statement prints `over`.
    lines = printed.splitlines()
    return outcome(None, 0, "") if lines and lines[-1].strip() == "over" else "ended without printing over"


def as_script(path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")  # the child prints Chinese even under a C locale
    child = subprocess.Popen(
        [sys.executable, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    out, err = child.communicate()
    if child.returncode == 0:
        return ran(out.decode("utf-8"))
    err = err.decode("utf-8", "replace")
    last = [line for line in err.splitlines() if line.strip()][-1]
    kind, _, message = last.partition(":")
    where = re.findall(r'File "[^"]*", line (\d+)', err) or re.findall(r"on line (\d+)", err)
    return outcome(kind.split(".")[-1], where[-1] if where else "?", message)


class Capture(object):
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


def as_import(folder, name):
    capture, real = Capture(), sys.stdout
    sys.path.insert(0, folder)
    sys.stdout = capture
    try:
        __import__(name)
    except SyntaxError as e:  # IndentationError is a SyntaxError
        return outcome(type(e).__name__, e.lineno, e.msg)
    finally:
        sys.stdout = real
        sys.path.remove(folder)
        sys.modules.pop(name, None)
    return ran("".join(capture.parts))


published = ARTICLE_CODE_LINES  # noqa: F821 (from the include)
variants = [
    ("as published", published),
    ("as published, with a coding line", [CODING_LINE] + published),
    ("indentation fixed", fix_indentation(published)),
    ("indentation fixed, with a coding line", [CODING_LINE] + fix_indentation(published)),
]
sys.dont_write_bytecode = True
folder = tempfile.mkdtemp()
try:
    for n, (label, lines) in enumerate(variants):
        with open(os.path.join(folder, "article_%d.py" % n), "wb") as f:
            f.write((u"\n".join(lines) + u"\n").encode("utf-8"))
    for n, (label, lines) in enumerate(variants):
        imported = as_import(folder, "article_%d" % n)
        try:
            script = as_script(os.path.join(folder, "article_%d.py" % n))
        except OSError:  # Pyodide: "emscripten does not support processes"
            script = imported
        print("%s: %s" % (label, script))
        if imported != script:
            print("  but imported: %s" % imported)
finally:
    shutil.rmtree(folder)
