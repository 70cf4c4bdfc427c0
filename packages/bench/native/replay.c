/*
 * Native side of the recorded-program benchmark: replays a real program's allocator traffic (as
 * packages/bench/src/real-trace.ts writes it) on a real libpython's PyObject_Malloc & co., before
 * Py_Initialize (3.5 - 3.11: pymalloc's state is static there).
 *   usage: replay FILE REPEATS
 *   FILE: a line "OPS SLOTS", then one line per operation "KIND SLOT A B":
 *         0 malloc(A)   1 calloc(A, B)   2 realloc(slot, A)   3 free(slot)
 * Each repeat replays every operation (timed), then frees what the program left (not timed), so
 * every repeat starts from the same empty allocator. Prints one line per repeat: ns per operation.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: replay FILE REPEATS\n"); return 2; }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    size_t nops, nslots;
    if (fscanf(f, "%zu %zu", &nops, &nslots) != 2) { fprintf(stderr, "bad header\n"); return 2; }
    int32_t *op = malloc(4 * nops * sizeof *op);
    for (size_t k = 0; k < 4 * nops; k++)
        if (fscanf(f, "%d", &op[k]) != 1) { fprintf(stderr, "bad operation %zu\n", k / 4); return 2; }
    fclose(f);
    void **slots = calloc(nslots ? nslots : 1, sizeof *slots);
    int repeats = atoi(argv[2]);
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        for (size_t k = 0; k < nops; k++) {
            const int32_t *o = op + 4 * k;
            switch (o[0]) {
            case 0: slots[o[1]] = PyObject_Malloc((size_t)o[2]); break;
            case 1: slots[o[1]] = PyObject_Calloc((size_t)o[2], (size_t)o[3]); break;
            case 2: slots[o[1]] = PyObject_Realloc(slots[o[1]], (size_t)o[2]); break;
            default: PyObject_Free(slots[o[1]]); slots[o[1]] = NULL; break;
            }
        }
        double t1 = now();
        for (size_t s = 0; s < nslots; s++) { PyObject_Free(slots[s]); slots[s] = NULL; }
        printf("%.3f\n", (t1 - t0) / (double)nops);
    }
    return 0;
}
