/*
 * pymem's native pymalloc harness: replays an allocator trace on a real libpython's
 * PyObject_Malloc/Calloc/Realloc/Free and prints where every block went, in the same line format
 * as `pymem replay` (see packages/core/src/trace/replay.ts), so the two can be compared with diff.
 *
 * By default it runs before (and without) Py_Initialize, which works where the allocator state is
 * static (3.4 - 3.11). With PYMEM_STARTUP_TRACE=FILE (needed from 3.12, where the state is per
 * interpreter) it first wraps pymalloc's "mem" and "obj" domains with recording hooks, initialises an
 * isolated interpreter, writes the start-up traffic to FILE as a trace, and then replays stdin on the
 * initialised allocator; the model replays FILE first and then the same trace. PYMEM_PROGRAM=FILE.py
 * is run right after start-up, still recording: a real program's traffic, for whole-program replays.
 * 2.7 has no allocator hooks: there the harness records by interposing PyObject_Malloc/Realloc/Free.
 * Arenas come from our own allocator installed with PyObject_SetArenaAllocator and
 * are mapped at fixed addresses by the model's placement policy:
 *     slot i at BASE + i * (ARENA_SIZE + POOL_SIZE) + MISALIGN, the lowest free slot first
 * (PYMEM_ARENA_BASE and PYMEM_ARENA_MISALIGN in the environment; defaults 0x100000000000, on
 * 32-bit builds 0x20000000, and 0).
 *
 * Where a block sits is read from pymalloc's own pool header at (address & ~(POOL_SIZE - 1)):
 * arenaindex and szidx, and the block size as POOL_SIZE - maxnextoffset (set when the pool was
 * initialised), so nothing here depends on the model's profile tables.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#if PY_VERSION_HEX >= 0x030A0000 && SIZEOF_VOID_P > 4
#define HARNESS_POOL_SIZE ((uintptr_t)16384)
#define HARNESS_ARENA_SIZE ((size_t)1 << 20)
#else
#define HARNESS_POOL_SIZE ((uintptr_t)4096)
#define HARNESS_ARENA_SIZE ((size_t)1 << 18)
#endif

/* Public (Include/objimpl.h) up to 3.10; from 3.11 declared only in internal headers, still exported. */
#if PY_VERSION_HEX >= 0x030B0000
int _PyObject_DebugMallocStats(FILE *out);
#endif

/* sys.getallocatedblocks()'s C side, exported from 3.4 to 3.11 (3.12 made it internal). */
#define HARNESS_HAS_ALLOCATED_BLOCKS (PY_VERSION_HEX >= 0x03040000 && PY_VERSION_HEX < 0x030C0000)
#if HARNESS_HAS_ALLOCATED_BLOCKS
Py_ssize_t _Py_GetAllocatedBlocks(void);
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
#if SIZEOF_VOID_P > 4
static uintptr_t arena_base = 0x100000000000ULL;
#else
static uintptr_t arena_base = 0x20000000U; /* i386: below the executable and the libraries */
#endif
static uintptr_t arena_misalign = 0;
static const size_t arena_size = HARNESS_ARENA_SIZE;
static unsigned char slot_used[MAX_SLOTS];

/* CPython's arena index -> arena address (0: none); learned from the first pool of a new arena. */
#define MAX_ARENAS 65536
static uintptr_t index_address[MAX_ARENAS];
static uintptr_t pending[64];
static int npending = 0;

/* Straight to the kernel: on 2.7 the libc names mmap/munmap are our own interposers (below). */
static void *raw_mmap(void *addr, size_t len, int flags) {
#ifdef SYS_mmap2
    /* i386's SYS_mmap takes its arguments in memory; mmap2 takes them in registers */
    return (void *)syscall(SYS_mmap2, addr, len, PROT_READ | PROT_WRITE, flags, -1, 0);
#else
    return (void *)syscall(SYS_mmap, addr, len, PROT_READ | PROT_WRITE, flags, -1, (off_t)0);
#endif
}
static int raw_munmap(void *addr, size_t len) { return (int)syscall(SYS_munmap, addr, len); }

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

/*
 * The arena hook also serves other "virtual" allocations once an interpreter runs (3.11+ thread
 * data-stack chunks, 16 KiB and up). Only requests of exactly ARENA_SIZE are pymalloc arenas; the
 * rest get an ordinary mapping wherever the kernel puts it.
 */
static void *arena_alloc(void *ctx, size_t size) {
    (void)ctx;
    if (size != arena_size) {
        void *p = raw_mmap(NULL, size, MAP_PRIVATE | MAP_ANONYMOUS);
        return p == MAP_FAILED ? NULL : p;
    }
    /* An arena mapped earlier has had its first pool carved by now: report it before this one. */
    flush_pending();
    for (int slot = 0; slot < MAX_SLOTS; slot++) {
        if (slot_used[slot]) continue;
        void *want = (void *)slot_address(slot);
        void *got = raw_mmap(want, size, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE);
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
    if (size != arena_size) {
        raw_munmap(ptr, size);
        return;
    }
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
    raw_munmap(ptr, size);
}

#if PY_VERSION_HEX < 0x03040000
/*
 * 2.7 has no PyObject_SetArenaAllocator, but its obmalloc maps arenas with mmap(NULL, ARENA_SIZE, ...)
 * and unmaps them with munmap, called through the dynamic linker: the executable's own mmap and munmap
 * take their place, so arenas land at the same slots as with the hook of 3.4+.
 */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
    if (addr == NULL && len == arena_size && (flags & MAP_ANONYMOUS) && fd == -1) return arena_alloc(NULL, len);
    return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len) {
    uintptr_t a = (uintptr_t)addr;
    if (len == arena_size && a >= arena_base) {
        int slot = (int)((a - arena_base - arena_misalign) / (arena_size + HARNESS_POOL_SIZE));
        if (slot >= 0 && slot < MAX_SLOTS && slot_used[slot] && slot_address(slot) == a) {
            arena_free(NULL, addr, len);
            return 0;
        }
    }
    return raw_munmap(addr, len);
}
#endif

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


/* ---- recording start-up and program traffic (PYMEM_STARTUP_TRACE, PYMEM_PROGRAM) ---------------
 * Every pymalloc call made while `recording` is open is written to it as a trace line; IDs name the
 * pointers. 3.4+ records through PyMem_SetAllocator hooks around pymalloc; 2.7 has no hooks, and the
 * harness interposes PyObject_Malloc/Realloc/Free instead (libpython calls them through the dynamic
 * linker). Either way, recording stops before the test trace on stdin runs. */

static unsigned long long next_id = 0;
static FILE *recording = NULL;

/* Pointer -> trace ID, open addressing with backward-shift deletion. */
static uintptr_t *map_keys;
static unsigned long long *map_ids;
static size_t map_cap = 0, map_len = 0;

static size_t slot_of(uintptr_t k) { return (size_t)((k >> 4) * 0x9E3779B97F4A7C15ULL) & (map_cap - 1); }

static void map_put(uintptr_t k, unsigned long long id);

static void map_grow(void) {
    size_t old = map_cap;
    uintptr_t *ok = map_keys;
    unsigned long long *oi = map_ids;
    map_cap = old ? old * 2 : 1 << 16;
    map_keys = calloc(map_cap, sizeof *map_keys);
    map_ids = calloc(map_cap, sizeof *map_ids);
    map_len = 0;
    for (size_t i = 0; i < old; i++) if (ok[i]) map_put(ok[i], oi[i]);
    free(ok);
    free(oi);
}

static void map_put(uintptr_t k, unsigned long long id) {
    if (2 * (map_len + 1) > map_cap) map_grow();
    size_t j = slot_of(k);
    while (map_keys[j] && map_keys[j] != k) j = (j + 1) & (map_cap - 1);
    if (!map_keys[j]) map_len++;
    map_keys[j] = k;
    map_ids[j] = id;
}

/* Removes k; returns its ID, or -1 if absent. */
static long long map_take(uintptr_t k) {
    if (!map_cap) return -1;
    size_t j = slot_of(k);
    while (map_keys[j] && map_keys[j] != k) j = (j + 1) & (map_cap - 1);
    if (!map_keys[j]) return -1;
    long long id = (long long)map_ids[j];
    map_keys[j] = 0;
    map_len--;
    for (size_t i = (j + 1) & (map_cap - 1); map_keys[i]; i = (i + 1) & (map_cap - 1)) {
        uintptr_t key = map_keys[i];
        unsigned long long v = map_ids[i];
        map_keys[i] = 0;
        map_len--;
        map_put(key, v);
    }
    return id;
}

static void record_alloc(void *p, size_t n) {
    map_put((uintptr_t)p, next_id);
    fprintf(recording, "a %llu %zu\n", next_id++, n);
}

static void record_calloc(void *p, size_t count, size_t size) {
    map_put((uintptr_t)p, next_id);
    fprintf(recording, "c %llu %zu %zu\n", next_id++, count, size);
}

static void record_realloc(void *ptr, void *q, size_t n) {
    long long id = ptr ? map_take((uintptr_t)ptr) : -1;
    if (id < 0) id = (long long)next_id++; /* realloc(NULL, n): a new ID, which the replay treats as NULL */
    map_put((uintptr_t)q, (unsigned long long)id);
    fprintf(recording, "r %lld %zu\n", id, n);
}

static void record_free(void *ptr) {
    long long id = map_take((uintptr_t)ptr);
    if (id < 0) { fprintf(stderr, "harness: a pointer was freed that was never allocated\n"); exit(3); }
    fprintf(recording, "f %lld\n", id);
}

/* Reads a whole file (the PYMEM_PROGRAM source). */
static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "harness: cannot read %s\n", path); exit(3); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (fread(text, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "harness: short read of %s\n", path); exit(3); }
    text[n] = 0;
    fclose(f);
    return text;
}

/* Runs PYMEM_PROGRAM, if set, in the initialised interpreter (still recording). */
static void run_program(void) {
    const char *program = getenv("PYMEM_PROGRAM");
    if (!program || !*program) return;
    char *source = slurp(program);
    if (PyRun_SimpleString(source) != 0) { fprintf(stderr, "harness: %s raised an exception\n", program); exit(3); }
    free(source);
}

static void open_recording(const char *path) {
    recording = fopen(path, "w");
    if (!recording) { fprintf(stderr, "harness: cannot write %s\n", path); exit(3); }
}

#if PY_VERSION_HEX >= 0x03040000
static void *rec_malloc(void *ctx, size_t n) {
    PyMemAllocatorEx *o = ctx;
    void *p = o->malloc(o->ctx, n);
    if (recording && p) record_alloc(p, n);
    return p;
}

static void *rec_calloc(void *ctx, size_t count, size_t size) {
    PyMemAllocatorEx *o = ctx;
    void *p = o->calloc(o->ctx, count, size);
    if (recording && p) record_calloc(p, count, size);
    return p;
}

static void *rec_realloc(void *ctx, void *ptr, size_t n) {
    PyMemAllocatorEx *o = ctx;
    void *q = o->realloc(o->ctx, ptr, n);
    if (recording && q) record_realloc(ptr, q, n);
    return q;
}

static void rec_free(void *ctx, void *ptr) {
    PyMemAllocatorEx *o = ctx;
    if (recording && ptr) record_free(ptr);
    o->free(o->ctx, ptr);
}

static PyMemAllocatorEx original_mem, original_obj;

/* Starts an isolated interpreter with every pymalloc call recorded to `path`, then runs PYMEM_PROGRAM. */
static void start_interpreter(const char *path) {
    open_recording(path);
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &original_mem);
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &original_obj);
    PyMemAllocatorEx mem = {&original_mem, rec_malloc, rec_calloc, rec_realloc, rec_free};
    PyMemAllocatorEx obj = {&original_obj, rec_malloc, rec_calloc, rec_realloc, rec_free};
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &mem);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &obj);
#if PY_VERSION_HEX >= 0x03080000
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;
    /* an unpacked build (a Debian judge) is not where it was configured to live: its launcher says */
    const char *home = getenv("PYMEM_PYTHON_HOME");
    PyStatus status = home ? PyConfig_SetBytesString(&config, &config.home, home) : PyStatus_Ok();
    if (!PyStatus_Exception(status)) status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) { fprintf(stderr, "harness: Py_InitializeFromConfig failed\n"); exit(3); }
#else
    Py_IgnoreEnvironmentFlag = 1;
    Py_NoUserSiteDirectory = 1;
    Py_InitializeEx(0);
#endif
    run_program();
    fclose(recording);
    recording = NULL;
    /* The hooks only forwarded to pymalloc, so putting pymalloc back changes nothing for live blocks,
       and _PyObject_DebugMallocStats prints only when the object domain is pymalloc itself. */
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &original_mem);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &original_obj);
    flush_pending();
}
#else
/* 2.7: these definitions take the place of libpython's, forward to them (RTLD_NEXT) and record only
   the outermost call (obmalloc's realloc calls malloc and free itself). */
typedef void *(*malloc_fn)(size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);
static malloc_fn real_malloc;
static realloc_fn real_realloc;
static free_fn real_free;
static int depth = 0;

static void resolve_real(void) {
    if (real_malloc) return;
    real_malloc = (malloc_fn)dlsym(RTLD_NEXT, "PyObject_Malloc");
    real_realloc = (realloc_fn)dlsym(RTLD_NEXT, "PyObject_Realloc");
    real_free = (free_fn)dlsym(RTLD_NEXT, "PyObject_Free");
    if (!real_malloc || !real_realloc || !real_free) { fprintf(stderr, "harness: dlsym failed\n"); exit(3); }
}

void *PyObject_Malloc(size_t n) {
    resolve_real();
    depth++;
    void *p = real_malloc(n);
    depth--;
    if (recording && depth == 0 && p) record_alloc(p, n);
    return p;
}

void *PyObject_Realloc(void *ptr, size_t n) {
    resolve_real();
    depth++;
    void *q = real_realloc(ptr, n);
    depth--;
    if (recording && depth == 0 && q) record_realloc(ptr, q, n);
    return q;
}

void PyObject_Free(void *ptr) {
    resolve_real();
    if (recording && depth == 0 && ptr) record_free(ptr);
    depth++;
    real_free(ptr);
    depth--;
}

static void start_interpreter(const char *path) {
    open_recording(path);
    Py_IgnoreEnvironmentFlag = 1;
    Py_NoUserSiteDirectory = 1;
    Py_InitializeEx(0);
    run_program();
    fclose(recording);
    recording = NULL;
    flush_pending();
}
#endif

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
#if PY_VERSION_HEX >= 0x03040000
    PyObjectArenaAllocator allocator = {NULL, arena_alloc, arena_free};
    PyObject_SetArenaAllocator(&allocator);
#endif
    const char *startup = getenv("PYMEM_STARTUP_TRACE");
    if (startup && *startup) start_interpreter(startup);

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
#if PY_VERSION_HEX >= 0x03030000
            _PyObject_DebugMallocStats(stdout); /* 2.7 release builds have no statistics function */
#endif
            fflush(stdout);
            continue;
        }
        if (op == 'n' && got == 1) {
#if HARNESS_HAS_ALLOCATED_BLOCKS
            printf("n %zd\n", _Py_GetAllocatedBlocks());
#elif PY_VERSION_HEX < 0x03040000
            printf("n\n"); /* no sys.getallocatedblocks before 3.4 */
#else
            bad(lineno, "n: _Py_GetAllocatedBlocks is exported by 3.4 - 3.11 only", line);
#endif
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
#if PY_VERSION_HEX >= 0x03050000
            p = PyObject_Calloc((size_t)x, (size_t)y);
#else
            p = PyObject_Malloc((size_t)(x * y)); /* no PyObject_Calloc before 3.5 */
#endif
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
    /* no exit handlers: an i386 harness is linked without gcc's crtbegin/crtend (native-harness.ts) */
    _exit(0);
}
