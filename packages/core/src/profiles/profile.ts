/*
 * Allocator profiles: what one CPython build's pymalloc looks like.
 *
 * Glossary (the words the whole model uses; sizes are for 64-bit 3.11 unless noted)
 * ---------------------------------------------------------------------------------
 *   block      : the unit pymalloc hands out; every block of a pool has the same size, a multiple of
 *                ALIGNMENT (16 bytes on 64-bit 3.8+, 8 bytes before and on 32-bit).
 *   size class : the index of a block size, (nbytes - 1) >> ALIGNMENT_SHIFT; 32 or 64 classes.
 *   pool       : POOL_SIZE bytes (16 KiB with the radix tree, else 4 KiB) holding blocks of one size
 *                class behind a POOL_OVERHEAD-byte header (48 bytes on 64-bit, 32 on 32-bit).
 *   arena      : ARENA_SIZE bytes (1 MiB on 64-bit 3.10+, else 256 KiB) carved into pools; 64 pools,
 *                or 63 when the arena does not start on a POOL_SIZE boundary.
 *   raw        : PyMem_RawMalloc and friends (layer +1), thin wrappers over C malloc; pymalloc falls
 *                back to it for size 0 and for requests above SMALL_REQUEST_THRESHOLD.
 *   radix tree : (3.10+) the map from address to "inside a live arena?" that replaced the arena-index
 *                check in address_in_range; top / mid / bottom levels over the address bits.
 *
 * Every version-dependent number lives in versions.ts, one profile per build we model, each with
 * its unit and a note on when and why it changed. Values derived from them (blocks per pool,
 * usedpools size, ...) are computed in geometry.ts, never written down twice.
 */

/** Pointer size in bytes: 8 on 64-bit builds, 4 on 32-bit builds (and on wasm32, i.e. Pyodide). */
export type PointerSize = 4 | 8;

/** How pymalloc decides whether an address is one of its blocks (address_in_range). */
export type AddressCheck =
  /** ≤3.9: read the pool header's arenaindex and compare with the arenas vector. */
  | { readonly kind: "arena-index" }
  /** 3.10+: a three-level radix tree keyed by the address bits above ARENA_BITS. */
  | {
      readonly kind: "radix-tree";
      /** Address bits the tree covers (bits). 3.10: 48 (top 16 ignored); 3.11+: 64; 32-bit: 32. */
      readonly addressBits: number;
      /** Bits resolved by the root, mid and bottom levels (bits); top and mid are 0 on 32-bit. */
      readonly topBits: number;
      readonly midBits: number;
      readonly botBits: number;
    };

export interface AllocatorProfile {
  /** Stable identifier, e.g. "3.11" or "3.7.3-"; used in specs, CLI flags and fixture names. */
  readonly id: string;
  /** Human-readable name of the build, e.g. "CPython 3.11 (64-bit)". */
  readonly label: string;
  /** The CPython releases this profile stands for, e.g. "3.7.4 – 3.7.17". */
  readonly releases: string;
  /** Major and minor version, for comparisons. */
  readonly python: readonly [major: number, minor: number];
  /** bytes */
  readonly pointerSize: PointerSize;
  /** bytes; every block size is a multiple of this. */
  readonly alignment: 8 | 16;
  /** bytes; requests larger than this (and size 0) go to the raw allocator. */
  readonly smallRequestThreshold: 256 | 512;
  /** bytes */
  readonly poolSize: 4096 | 16384;
  /** bytes */
  readonly arenaSize: 262144 | 1048576;
  readonly addressCheck: AddressCheck;
  /** Where arena memory comes from: C malloc before mmap was used (2.5–2.7.6, 3.0–3.2), mmap after. */
  readonly arenaSource: "malloc" | "mmap";
  /**
   * When an arena whose pools are all empty is given back: 2.5–3.8 always; 3.9+ unless it is the
   * last arena of usable_arenas (so at most about one empty arena is kept).
   */
  readonly arenaRelease: "release-every-empty" | "keep-last-empty";
  /**
   * How usable_arenas is kept sorted when a pool is freed: a linear walk (≤3.7) or the nfp2lasta
   * table (3.8+). Both end in the same order; only the cost differs.
   */
  readonly arenaReordering: "linear-walk" | "nfp2lasta";
  /** True when PyMem_Malloc (the "mem" domain) is served by pymalloc too (3.6+); else it is malloc. */
  readonly memDomainUsesPymalloc: boolean;
  /** True when the build can print _PyObject_DebugMallocStats through sys._debugmallocstats() (3.3+). */
  readonly hasDebugMallocStats: boolean;
  /** True when the build has sys.getallocatedblocks() (_Py_GetAllocatedBlocks, 3.4+). */
  readonly hasAllocatedBlocks: boolean;
  /**
   * bytes the debug hooks add to every request before pymalloc (or malloc) sees it: 0 in a release
   * build; 3 × sizeof(size_t) in a Py_DEBUG build (debug-hooks.ts), whose hooks wrap every domain.
   */
  readonly debugHookBytes: number;
  /** Dated notes on what distinguishes this profile from its neighbours, with CPython references. */
  readonly notes: readonly string[];
}
