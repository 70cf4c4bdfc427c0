/*
 * pymem's native pymalloc harness: replays an allocator trace on a real libpython's
 * PyObject_Malloc/Calloc/Realloc/Free and prints where every block went, in the same line format
 * as `pymem replay` (see packages/core/src/trace/replay.ts), so the two can be compared with diff.
 *
 * It runs before (and without) Py_Initialize, which works where the allocator state is static
 * (3.4 - 3.11). Arenas come from our own allocator installed with PyObject_SetArenaAllocator and
 * are mapped at fixed addresses by the model's placement policy:
 *     slot i at BASE + i * (ARENA_SIZE + POOL_SIZE) + MISALIGN, the lowest free slot first
 * (PYMEM_ARENA_BASE and PYMEM_ARENA_MISALIGN in the environment; defaults 0x100000000000 and 0).
 *
 * Where a block sits is read from pymalloc's own pool header at (address & ~(POOL_SIZE - 1)):
 * arenaindex and szidx, and the block size as POOL_SIZE - maxnextoffset (set when the pool was
 * initialised), so nothing here depends on the model's profile tables.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if PY_VERSION_HEX >= 0x030A0000 && SIZEOF_VOID_P > 4
#define HARNESS_POOL_SIZE ((uintptr_t)16384)
#else
#define HARNESS_POOL_SIZE ((uintptr_t)4096)
#endif

/* Public (Include/objimpl.h) up to 3.10; from 3.11 declared only in internal headers, still exported. */
#if PY_VERSION_HEX >= 0x030B0000
int _PyObject_DebugMallocStats(FILE *out);
#endif

/* Same layout as obmalloc's struct pool_header (unchanged from 2.7 to 3.14). */
struct pool_view {
    union { void *padding; unsigned int count; } ref;
    void *freeblock;
    void *nextpool;
    void *prevpool;
    unsigned int arenaindex;
    unsigned int szidx;
    unsigned int nextoffset;
    unsigned int maxnextoffset;
};
#define OVERHEAD ((sizeof(struct pool_view) + 15) & ~(uintptr_t)15)

#define MAX_SLOTS 4096
static uintptr_t arena_base = 0x100000000000ULL;
static uintptr_t arena_misalign = 0;
static size_t arena_size = 0;
static unsigned char slot_used[MAX_SLOTS];

/* CPython's arena index -> arena address (0: none); learned from the first pool of a new arena. */
#define MAX_ARENAS 65536
static uintptr_t index_address[MAX_ARENAS];
static uintptr_t pending[64];
static int npending = 0;

static uintptr_t slot_address(int slot) {
    return arena_base + (uintptr_t)slot * (arena_size + HARNESS_POOL_SIZE) + arena_misalign;
}

static uintptr_t first_pool(uintptr_t arena) {
    return (arena + HARNESS_POOL_SIZE - 1) & ~(HARNESS_POOL_SIZE - 1);
}

/* Resolve arenas mapped since the last call: their first pool header names their index. */
static void flush_pending(void) {
    for (int i = 0; i < npending; i++) {
        struct pool_view *p = (struct pool_view *)first_pool(pending[i]);
        if (p->arenaindex >= MAX_ARENAS) { fprintf(stderr, "harness: arena index out of range\n"); exit(3); }
        index_address[p->arenaindex] = pending[i];
        printf("# arena_alloc %u\n", p->arenaindex);
    }
    npending = 0;
}

static void *arena_alloc(void *ctx, size_t size) {
    (void)ctx;
    arena_size = size;
    for (int slot = 0; slot < MAX_SLOTS; slot++) {
        if (slot_used[slot]) continue;
        void *want = (void *)slot_address(slot);
        void *got = mmap(want, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (got == MAP_FAILED) { fprintf(stderr, "harness: mmap at %p: %s\n", want, strerror(errno)); exit(3); }
        if (got != want) { fprintf(stderr, "harness: mmap moved %p to %p\n", want, got); exit(3); }
        slot_used[slot] = 1;
        if (npending == 64) { fprintf(stderr, "harness: too many arenas in one operation\n"); exit(3); }
        pending[npending++] = (uintptr_t)got;
        return got;
    }
    fprintf(stderr, "harness: no free arena slot\n");
    exit(3);
}

static void arena_free(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    flush_pending(); /* an arena mapped earlier in this operation is reported first */
    uintptr_t a = (uintptr_t)ptr;
    for (unsigned int i = 0; i < MAX_ARENAS; i++) {
        if (index_address[i] == a) {
            printf("# arena_free %u\n", i);
            index_address[i] = 0;
            break;
        }
    }
    int slot = (int)((a - arena_base - arena_misalign) / (arena_size + HARNESS_POOL_SIZE));
    slot_used[slot] = 0;
    munmap(ptr, size);
}

/* Writes " arena=A pool=P szidx=S block=B" or " raw" for the block at p. */
static void where(char *out, size_t n, void *p) {
    uintptr_t a = (uintptr_t)p;
    for (unsigned int i = 0; i < MAX_ARENAS; i++) {
        uintptr_t base = index_address[i];
        if (base == 0 || a < base || a >= base + arena_size) continue;
        uintptr_t pool = a & ~(HARNESS_POOL_SIZE - 1);
        struct pool_view *h = (struct pool_view *)pool;
        uintptr_t block_size = HARNESS_POOL_SIZE - h->maxnextoffset;
        snprintf(out, n, " arena=%u pool=%lu szidx=%u block=%lu", h->arenaindex,
                 (unsigned long)((pool - first_pool(base)) / HARNESS_POOL_SIZE), h->szidx,
                 (unsigned long)((a - pool - OVERHEAD) / block_size));
        return;
    }
    snprintf(out, n, " raw");
}

static void **ptrs = NULL;
static size_t nptrs = 0;
static unsigned char *live = NULL;

static void ensure(size_t id) {
    if (id < nptrs) return;
    size_t n = nptrs ? nptrs : 1024;
    while (n <= id) n *= 2;
    ptrs = realloc(ptrs, n * sizeof *ptrs);
    live = realloc(live, n);
    memset(ptrs + nptrs, 0, (n - nptrs) * sizeof *ptrs);
    memset(live + nptrs, 0, n - nptrs);
    nptrs = n;
}

static void bad(long line, const char *why, const char *text) {
    fprintf(stderr, "harness: line %ld: %s: %s", line, why, text);
    exit(2);
}

int main(void) {
    const char *base = getenv("PYMEM_ARENA_BASE");
    const char *mis = getenv("PYMEM_ARENA_MISALIGN");
    if (base) arena_base = (uintptr_t)strtoull(base, NULL, 0);
    if (mis) arena_misalign = (uintptr_t)strtoull(mis, NULL, 0);
    PyObjectArenaAllocator allocator = {NULL, arena_alloc, arena_free};
    PyObject_SetArenaAllocator(&allocator);

    char line[256], loc[128];
    long lineno = 0;
    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        unsigned long long id = 0, x = 0, y = 0;
        char op = 0;
        if (line[0] == '#' || line[0] == '\n') continue;
        int got = sscanf(line, " %c %llu %llu %llu", &op, &id, &x, &y);
        if (op == 's' && got == 1) {
            printf("s\n");
            fflush(stdout);
            _PyObject_DebugMallocStats(stdout);
            fflush(stdout);
            continue;
        }
        if (got < 2) bad(lineno, "cannot read", line);
        ensure((size_t)id);
        void *p = NULL;
        switch (op) {
        case 'a':
            if (got != 3 || live[id]) bad(lineno, "bad malloc", line);
            p = PyObject_Malloc((size_t)x);
            flush_pending();
            where(loc, sizeof loc, p);
            printf("a %llu %llu%s\n", id, x, loc);
            break;
        case 'c':
            if (got != 4 || live[id]) bad(lineno, "bad calloc", line);
            p = PyObject_Calloc((size_t)x, (size_t)y);
            flush_pending();
            where(loc, sizeof loc, p);
            printf("c %llu %llu %llu%s\n", id, x, y, loc);
            break;
        case 'r':
            if (got != 3) bad(lineno, "bad realloc", line);
            p = PyObject_Realloc(live[id] ? ptrs[id] : NULL, (size_t)x);
            flush_pending();
            where(loc, sizeof loc, p);
            printf("r %llu %llu%s\n", id, x, loc);
            break;
        case 'f':
            if (got != 2 || !live[id]) bad(lineno, "bad free", line);
            where(loc, sizeof loc, ptrs[id]);
            PyObject_Free(ptrs[id]);
            flush_pending();
            printf("f %llu%s\n", id, loc);
            live[id] = 0;
            continue;
        default:
            bad(lineno, "unknown operation", line);
        }
        if (p == NULL) bad(lineno, "allocation failed", line);
        ptrs[id] = p;
        live[id] = 1;
    }
    fflush(stdout);
    return 0;
}
