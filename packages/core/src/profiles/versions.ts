/*
 * The version table: every version-dependent constant of pymalloc, in one place.
 *
 * Each profile is written as the previous one plus what changed, with the change's date and
 * reference, so the file reads as the history of obmalloc:
 *
 *   version        ALIGNMENT  THRESHOLD  POOL    ARENA    address_in_range   arenas freed
 *   (64-bit)       bytes      bytes      bytes   bytes
 *   2.5 – 2.7.6    8          256        4 KiB   256 KiB  arena index        every empty one (malloc/free)
 *   2.7.7 – 2.7.16 8          512        4 KiB   256 KiB  arena index        every empty one (mmap)
 *   2.7.17 – 18    16         512        4 KiB   256 KiB  arena index        every empty one
 *   3.6 – 3.7.3    8          512        4 KiB   256 KiB  arena index        every empty one
 *   3.7.4 – 3.8    16         512        4 KiB   256 KiB  arena index        every empty one
 *   3.9            16         512        4 KiB   256 KiB  arena index        all but the last empty one
 *   3.10           16         512        16 KiB  1 MiB    radix tree, 48 bit all but the last empty one
 *   3.11 – 3.14    16         512        16 KiB  1 MiB    radix tree, 64 bit all but the last empty one
 *   32-bit builds  8          512        4 KiB   256 KiB  as their version   as their version
 *
 * Sources: Objects/obmalloc.c (2.7.18, 3.6–3.11) and Include/internal/pycore_obmalloc.h (3.12–3.14),
 * macros ALIGNMENT, SMALL_REQUEST_THRESHOLD, POOL_BITS, ARENA_BITS, WITH_PYMALLOC_RADIX_TREE,
 * ADDRESS_BITS; the history is from Misc/NEWS and Misc/HISTORY of 3.14.7. Checked against the
 * interpreters themselves by the oracle package (sys._debugmallocstats header and pool lines).
 *
 * Not modelled: builds before 2.7.17 other than 3.6/3.7.3 (no interpreter to check them against),
 * the free-threaded builds (they use mimalloc, not pymalloc), and 3.10.0, whose radix tree held
 * only 46 bits (bpo-45521, fixed in 3.10.1).
 */

import type { AllocatorProfile, PointerSize } from "./profile.js";
import { latestRelease } from "./releases.js";

type Change = Partial<Omit<AllocatorProfile, "id" | "label" | "notes">> & Pick<AllocatorProfile, "releases">;

function evolve(from: AllocatorProfile, id: string, change: Change, note: string): AllocatorProfile {
  return {
    ...from,
    ...change,
    id,
    label: `CPython ${id} (${from.pointerSize * 8}-bit)`,
    notes: [...from.notes, note],
  };
}

/** 2.7.17 and 2.7.18, the last 2.x releases. */
export const cpython2_7: AllocatorProfile = {
  id: "2.7",
  label: "CPython 2.7 (64-bit)",
  releases: `2.7.17 – ${latestRelease("2.7")}`,
  python: [2, 7],
  pointerSize: 8,
  alignment: 16,
  smallRequestThreshold: 512,
  poolSize: 4096, // 4 KiB: one system page
  arenaSize: 262144, // 256 KiB
  addressCheck: { kind: "arena-index" },
  arenaSource: "mmap",
  arenaRelease: "release-every-empty",
  arenaReordering: "linear-walk",
  memDomainUsesPymalloc: false,
  hasDebugMallocStats: false,
  hasAllocatedBlocks: false,
  debugHookBytes: 0, // a release build: no debug hooks (debug-hooks.ts has the debug builds)
  notes: [
    "2.5 (2006, patch #1123430): empty arenas are given back with free(); before 2.5 they never were.",
    "2.7.7 (2014, issue #20494): SMALL_REQUEST_THRESHOLD 256 -> 512 bytes; arenas come from mmap and go back with munmap.",
    "2.7.17 (2019, bpo-27987 backport): ALIGNMENT 8 -> 16 bytes on 64-bit, so 32 size classes instead of 64.",
    "2.7 has no sys._debugmallocstats (added in 3.3); PyMem_Malloc is plain malloc.",
  ],
};

/** Upstream 3.6: 8-byte alignment, 64 size classes. */
export const cpython3_6: AllocatorProfile = evolve(
  { ...cpython2_7, alignment: 8, notes: [] },
  "3.6",
  {
    releases: `3.6.0 – ${latestRelease("3.6")} (upstream)`,
    python: [3, 6],
    memDomainUsesPymalloc: true,
    hasDebugMallocStats: true,
    hasAllocatedBlocks: true,
  },
  "3.6 (2016): PyMem_Malloc is served by pymalloc too (PYTHONMALLOC, PEP 445 domains); ALIGNMENT 8 bytes.",
);

/** pyenv's 3.6.15 carries the bpo-27987 patch: 16-byte alignment like 3.8. */
export const cpython3_6_pyenv: AllocatorProfile = evolve(
  cpython3_6,
  "3.6-pyenv",
  { releases: "3.6.15 as built by pyenv", alignment: 16 },
  "pyenv patches 3.6.15 with bpo-27987 (0009-bpo-27987-pymalloc-align-by-16bytes...), so it is not upstream 3.6.",
);

/** 3.7.0 – 3.7.3: still 8-byte alignment. */
export const cpython3_7_early: AllocatorProfile = evolve(
  cpython3_6,
  "3.7.3",
  { releases: "3.7.0 – 3.7.3", python: [3, 7] },
  "3.7.0 – 3.7.3 keep ALIGNMENT 8 bytes (Objects/obmalloc.c @ 3.7.3).",
);

/** 3.7.4 and later 3.7 releases: the 16-byte alignment backport. */
export const cpython3_7: AllocatorProfile = evolve(
  cpython3_7_early,
  "3.7",
  { releases: `3.7.4 – ${latestRelease("3.7")}`, alignment: 16 },
  "3.7.4 (2019, bpo-27987 backport, PR #13318): ALIGNMENT 8 -> 16 bytes on 64-bit; 32 size classes.",
);

export const cpython3_8: AllocatorProfile = evolve(
  cpython3_7,
  "3.8",
  { releases: `3.8.0 – ${latestRelease("3.8")}`, python: [3, 8], arenaReordering: "nfp2lasta" },
  "3.8 (2019, bpo-37029): usable_arenas is re-sorted in O(1) through nfp2lasta[] instead of a linear walk.",
);

export const cpython3_9: AllocatorProfile = evolve(
  cpython3_8,
  "3.9",
  { releases: `3.9.0 – ${latestRelease("3.9")}`, python: [3, 9], arenaRelease: "keep-last-empty" },
  "3.9 (2019, bpo-37257): an empty arena at the end of usable_arenas is kept instead of unmapped.",
);

export const cpython3_10: AllocatorProfile = evolve(
  cpython3_9,
  "3.10",
  {
    releases: `3.10.1 – ${latestRelease("3.10")}`,
    python: [3, 10],
    poolSize: 16384, // 16 KiB (POOL_BITS 14)
    arenaSize: 1048576, // 1 MiB (ARENA_BITS 20)
    addressCheck: { kind: "radix-tree", addressBits: 48, topBits: 10, midBits: 10, botBits: 8 },
  },
  "3.10 (2021, bpo-37448): address_in_range uses a radix tree over 48 address bits, so pools need not be " +
    "one OS page: 16 KiB pools and 1 MiB arenas on 64-bit. (3.10.0's tree held 46 bits; bpo-45521, fixed in 3.10.1.)",
);

export const cpython3_11: AllocatorProfile = evolve(
  cpython3_10,
  "3.11",
  {
    releases: `3.11.0 – ${latestRelease("3.11")}`,
    python: [3, 11],
    addressCheck: { kind: "radix-tree", addressBits: 64, topBits: 15, midBits: 15, botBits: 14 },
  },
  "3.11 (2021, bpo-45526): the radix tree keys on all 64 address bits; root and mid nodes 256 KiB, bottom 128 KiB.",
);

export const cpython3_12: AllocatorProfile = evolve(
  cpython3_11,
  "3.12",
  { releases: `3.12.0 – ${latestRelease("3.12")}`, python: [3, 12] },
  "3.12 (2023): allocator state moves into struct _obmalloc_state, one per interpreter; the algorithms are unchanged.",
);

export const cpython3_13: AllocatorProfile = evolve(
  cpython3_12,
  "3.13",
  { releases: `3.13.0 – ${latestRelease("3.13")}`, python: [3, 13] },
  "3.13 (2024): mimalloc is bundled for the free-threaded build; the default build keeps pymalloc unchanged.",
);

export const cpython3_14: AllocatorProfile = evolve(
  cpython3_13,
  "3.14",
  { releases: `3.14.0 – ${latestRelease("3.14")}`, python: [3, 14] },
  "3.14 (2025): pymalloc's code is the same as 3.13's apart from state plumbing.",
);

export const cpython3_15: AllocatorProfile = evolve(
  cpython3_14,
  "3.15",
  { releases: `3.15.0 – ${latestRelease("3.15")}`, python: [3, 15] },
  "3.15 (2026): taken to be 3.14's allocator. Unverified: the only 3.15 here is Pyodide's, built without pymalloc.",
);

/**
 * The 32-bit build of a profile: 8-byte alignment (64 size classes), 4 KiB pools, 256 KiB arenas,
 * and for 3.10+ a radix tree whose root is its only (bottom) level over 32 address bits.
 */
export function thirtyTwoBit(profile: AllocatorProfile): AllocatorProfile {
  const pointerSize: PointerSize = 4;
  const radix = profile.addressCheck.kind === "radix-tree";
  return {
    ...profile,
    id: `${profile.id}-32bit`,
    label: profile.label.replace("64-bit", "32-bit"),
    pointerSize,
    alignment: 8,
    poolSize: 4096, // 4 KiB: one system page
    arenaSize: 262144, // 256 KiB
    addressCheck: radix
      ? { kind: "radix-tree", addressBits: 32, topBits: 0, midBits: 0, botBits: 14 }
      : { kind: "arena-index" },
    notes: [
      ...profile.notes,
      "32-bit: ALIGNMENT stays 8 bytes (the 16-byte rule is for SIZEOF_VOID_P > 4), and USE_LARGE_ARENAS / " +
        "USE_LARGE_POOLS are 64-bit only, so pools are 4 KiB and arenas 256 KiB.",
    ],
  };
}

const sixtyFourBit: readonly AllocatorProfile[] = [
  cpython2_7,
  cpython3_6,
  cpython3_6_pyenv,
  cpython3_7_early,
  cpython3_7,
  cpython3_8,
  cpython3_9,
  cpython3_10,
  cpython3_11,
  cpython3_12,
  cpython3_13,
  cpython3_14,
  cpython3_15,
];

/** Every profile the model knows, 64-bit first, then their 32-bit variants. */
export const PROFILES: readonly AllocatorProfile[] = [
  ...sixtyFourBit,
  ...sixtyFourBit.filter((p) => p.id !== "3.6-pyenv").map(thirtyTwoBit),
];
