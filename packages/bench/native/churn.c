/*
 * Native side of the churn benchmark: the same workload as packages/bench/src/workload.ts, on a
 * real libpython's PyObject_Malloc/Free, before Py_Initialize (3.4 - 3.11).
 *   usage: churn PATTERN LIVE MAXSIZE STEPS SEED REPEATS
 *   PATTERN churn: LIVE blocks; each step frees a random one and allocates a new size in its place
 *   PATTERN lifo:  each step allocates a block and frees it at once
 *   PATTERN realloc: LIVE blocks; each step reallocs a random one to a new random size
 * Prints one line per repeat: nanoseconds per operation (a malloc, a free or a realloc).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t state;
static uint32_t next(void) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: churn PATTERN LIVE MAXSIZE STEPS SEED REPEATS\n"); return 2; }
    int lifo = strcmp(argv[1], "lifo") == 0, re = strcmp(argv[1], "realloc") == 0;
    size_t live = strtoull(argv[2], NULL, 10), maxsize = strtoull(argv[3], NULL, 10);
    size_t steps = strtoull(argv[4], NULL, 10);
    uint32_t seed = (uint32_t)strtoul(argv[5], NULL, 10);
    int repeats = atoi(argv[6]);
    void **slots = calloc(live ? live : 1, sizeof *slots);
    state = seed;
    if (!lifo) for (size_t i = 0; i < live; i++) slots[i] = PyObject_Malloc(1 + next() % maxsize);
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        if (lifo) {
            for (size_t s = 0; s < steps; s++) PyObject_Free(PyObject_Malloc(1 + next() % maxsize));
        } else if (re) {
            for (size_t s = 0; s < steps; s++) {
                size_t i = next() % live;
                slots[i] = PyObject_Realloc(slots[i], 1 + next() % maxsize);
            }
        } else {
            for (size_t s = 0; s < steps; s++) {
                size_t i = next() % live;
                PyObject_Free(slots[i]);
                slots[i] = PyObject_Malloc(1 + next() % maxsize);
            }
        }
        printf("%.3f\n", (now() - t0) / ((re ? 1.0 : 2.0) * steps));
    }
    return 0;
}
