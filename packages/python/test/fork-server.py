# A fork server for running many small programs on one native interpreter (2.7 and 3.x alike).
# Started as `python -s -c <this file's text> DIR`. On stdin: "<byte length>\n" then the program's
# bytes, repeatedly. For each program it forks; the child runs the program in __main__ as
# `python -` would, its stdout and stderr going to DIR/stdout and DIR/stderr, and exits through the
# interpreter's normal shutdown. The server answers one line on stdout: "exit N" or "signal N".
# It imports nothing beyond what start-up already has, so that the child's heap differs from a
# fresh interpreter's by as little as possible: this file's code and the program's source.
import os
import sys

_fresh = ["__builtins__", "__doc__", "__loader__", "__name__", "__package__", "__spec__", "__annotations__"]


def _read_exact(n):
    parts = []
    while n > 0:
        chunk = os.read(0, n)
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _read_line():
    line = b""
    while not line.endswith(b"\n"):
        c = os.read(0, 1)
        if not c:
            return None
        line += c
    return line


def _child(source, folder):
    for fd, name in ((1, "stdout"), (2, "stderr")):
        f = os.open(os.path.join(folder, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 420)
        os.dup2(f, fd)
        os.close(f)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    # What `python -` has: __main__ holds only the module attributes, sys.argv is ["-"].
    main = sys.modules["__main__"].__dict__
    keep = _fresh
    modules = sys.modules
    for k in list(main):
        if k not in keep:
            del main[k]
    modules["sys"].argv[:] = ["-"]
    code = compile(source, "<stdin>", "exec")
    exec(code, main)


def _serve(folder, timeout):
    import signal

    while True:
        header = _read_line()
        if header is None:
            return
        source = _read_exact(int(header))
        pid = os.fork()
        if pid == 0:
            signal.alarm(timeout)
            del header
            _child(source, folder)
            return
        status = os.waitpid(pid, 0)[1]
        if os.WIFSIGNALED(status):
            os.write(1, ("signal %d\n" % os.WTERMSIG(status)).encode("ascii"))
        else:
            os.write(1, ("exit %d\n" % os.WEXITSTATUS(status)).encode("ascii"))


_serve(sys.argv[1], int(sys.argv[2]))
