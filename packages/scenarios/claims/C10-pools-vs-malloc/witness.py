# C10 witness: are pools of equal-size blocks cheaper than C malloc for many small objects, and do
# they avoid fragmentation? The same workloads run in child interpreters started with
# PYTHONMALLOC=pymalloc and PYTHONMALLOC=malloc (3.6+). Stdout carries only results that come out
# the same on every run, loaded machine included; the figures (CPU times, memory) go to stderr.
from __future__ import print_function
import subprocess
import sys

# pymem-include: debugmallocstats.py

OBJECTS = 200000

WORKLOADS = r"""
def churn():  # short-lived tuples and bytes of mixed small sizes
    for _ in range(40):
        keep = [(i, b"x" * (i & 63)) for i in range(2000)]
        del keep

def arena_sized():  # 2000 tuples of 22 items, about two 256 KiB arenas, all freed each round
    for _ in range(30):
        keep = [(i,) * 22 for i in range(2000)]
        del keep

TEXT = b"ab cde fghi jk " * 20000
def split():  # 80000 small bytes objects made and freed in C
    for _ in range(5):
        parts = TEXT.split()
        del parts
"""

CHILD = WORKLOADS + r"""
import sys, time

def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

def best(work):
    times = []
    for _ in range(3):
        t0 = time.process_time()  # CPU time: time slices lost to other processes do not count
        work()
        times.append(time.process_time() - t0)
    return min(times)

n = int(sys.argv[1])
small, other = int("8"), int("70")  # computed, so that no constant is folded
base = rss_kib()
objs = [b"x" * small for _ in range(n)]
one_size = rss_kib() - base
keep = objs[::10]  # one in ten survives, spread over every pool
del objs
more = [b"y" * other for _ in range(n)]  # as many objects again, of another size class
after = rss_kib() - base
del keep, more
times = [best(w) for w in (churn, arena_sized, split)]
print(one_size, after, sys.getallocatedblocks(), " ".join("%.6f" % t for t in times))
"""


def mallocstats():
    """(pools in use, arenas allocated in total) from sys._debugmallocstats()."""
    lines = debugmallocstats_text().splitlines()
    rows = [line.split() for line in lines]
    pools = sum(int(f[2]) for f in rows if len(f) == 5 and all(x.isdigit() for x in f))
    total = [line for line in lines if line.startswith("# arenas allocated total")][0]
    return pools, int(total.split("=")[1].replace(",", ""))


def run_child(allocator):
    # The runner starts us with -E; the child must see PYTHONMALLOC, so it gets it through env=.
    out = subprocess.check_output(
        [sys.executable, "-S", "-c", CHILD, str(OBJECTS)], env={"PYTHONMALLOC": allocator}
    )
    fields = out.split()
    return [int(f) for f in fields[:3]] + [float(f) for f in fields[3:]]


if sys.version_info < (3, 6):
    print("PYTHONMALLOC: not available before 3.6")
elif sys.getallocatedblocks() == 0:
    print("pymalloc: not in this build")
elif object_allocator() != "pymalloc":  # PYTHONMALLOC=mimalloc, or a free-threaded build
    print("pymalloc: not in use, objects come from %s" % object_allocator())
else:
    # Here (pymalloc): do pools empty when nine in ten small objects are freed?
    start = mallocstats()[0]
    objs = [b"x" * int("8") for _ in range(OBJECTS)]
    grown = mallocstats()[0] - start
    keep = objs[::10]
    del objs
    emptied = grown - (mallocstats()[0] - start)
    del keep
    # How often does the arena-sized churn map a new arena? (It explains that workload's timings.)
    exec(WORKLOADS)
    arenas_before = mallocstats()[1]
    arena_sized()
    arenas_per_round = (mallocstats()[1] - arenas_before) / 30.0

    runs = {"pymalloc": [], "malloc": []}
    for _ in range(3):  # alternate, so that a burst of load hits both sides
        for allocator in ("pymalloc", "malloc"):
            runs[allocator].append(run_child(allocator))
    py, ma = runs["pymalloc"], runs["malloc"]
    one_size = [min(r[0] for r in rs) for rs in (py, ma)]
    after = [min(r[1] for r in rs) for rs in (py, ma)]
    speedup = [min(r[k] for r in ma) / min(r[k] for r in py) for k in (3, 4, 5)]

    print("PYTHONMALLOC=malloc turns pymalloc off: %s" % ("yes" if max(r[2] for r in ma) == 0 else "no"))
    print("pools emptied by freeing 9 in 10 small objects: %s" % ("none" if emptied * 20 < grown else "some"))
    print("%d small objects of one size: pymalloc needs less memory than malloc: %s"
          % (OBJECTS, "yes" if one_size[0] * 1.1 < one_size[1] else "no"))
    print("then 9 in 10 freed and as many made of another size: pymalloc needs more: %s"
          % ("yes" if after[0] > after[1] * 1.1 else "no"))
    # CPU-time ratios go to stderr only: on the build machine they moved too much between runs and days
    # (0.7-2.3 on one workload, on one interpreter, in one afternoon) to be judged.
    sys.stderr.write(
        "pools: %d taken by %d objects, %d emptied when 9 in 10 were freed\n"
        "memory, VmRSS growth in KiB             pymalloc  malloc\n"
        "  %d objects of one size            %8d %7d\n"
        "  9 in 10 freed, as many of another size %8d %7d\n"
        "CPU time, malloc / pymalloc, best of 3 runs in 3 processes each (above 1: pymalloc faster)\n"
        "  churn of small tuples and bytes   %.2f\n"
        "  arena-sized churn                 %.2f  (arenas mapped per round with pymalloc: %.1f)\n"
        "  bytes.split                       %.2f\n"
        % ((grown, OBJECTS, emptied, OBJECTS) + tuple(one_size) + tuple(after)
           + (speedup[0], speedup[1], arenas_per_round, speedup[2]))
    )
