/*
 * Values derived from a profile, computed the way obmalloc's macros compute them, so that no
 * derived number is ever written down by hand:
 *
 *   ALIGNMENT_SHIFT        = log2(ALIGNMENT)
 *   NB_SMALL_SIZE_CLASSES  = SMALL_REQUEST_THRESHOLD / ALIGNMENT
 *   size class of n        = (n - 1) >> ALIGNMENT_SHIFT            for 1 <= n <= SMALL_REQUEST_THRESHOLD
 *   INDEX2SIZE(i)          = (i + 1) << ALIGNMENT_SHIFT
 *   POOL_OVERHEAD          = sizeof(struct pool_header) rounded up to ALIGNMENT
 *   NUMBLOCKS(i)           = (POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(i)
 *   MAX_POOLS_IN_ARENA     = ARENA_SIZE / POOL_SIZE
 *   usedpools entries      = 2 * ((NB_SMALL_SIZE_CLASSES + 7) / 8) * 8
 */

import type { AllocatorProfile } from "./profile.js";

/** sizeof(struct pool_header), bytes: four pointer-sized fields, then four 4-byte unsigned ints. */
export function poolHeaderSize(p: AllocatorProfile): number {
  return 4 * p.pointerSize + 4 * 4;
}

/** POOL_OVERHEAD, bytes: the header rounded up to ALIGNMENT (48 on 64-bit, 32 on 32-bit). */
export function poolOverhead(p: AllocatorProfile): number {
  return roundUp(poolHeaderSize(p), p.alignment);
}

/** ALIGNMENT_SHIFT: log2 of ALIGNMENT. */
export function alignmentShift(p: AllocatorProfile): number {
  return Math.log2(p.alignment);
}

/** NB_SMALL_SIZE_CLASSES: 32 with 16-byte alignment, 64 with 8-byte alignment. */
export function sizeClassCount(p: AllocatorProfile): number {
  return p.smallRequestThreshold / p.alignment;
}

/**
 * The size class pymalloc serves a request of `nbytes` from, or undefined when the request goes to
 * the raw allocator instead (size 0, or above SMALL_REQUEST_THRESHOLD). A debug build's hooks add
 * their bytes first (debugHookBytes), so there size 0 is served and the threshold comes sooner.
 */
export function sizeClassOf(p: AllocatorProfile, nbytes: number): number | undefined {
  if (!Number.isSafeInteger(nbytes) || nbytes < 0) return undefined;
  const total = nbytes + p.debugHookBytes;
  if (total <= 0 || total > p.smallRequestThreshold) return undefined;
  return (total - 1) >> alignmentShift(p);
}

/** INDEX2SIZE: the block size of size class `sizeClass`, in bytes. */
export function blockSize(p: AllocatorProfile, sizeClass: number): number {
  return (sizeClass + 1) << alignmentShift(p);
}

/** NUMBLOCKS: how many blocks of size class `sizeClass` fit in one pool. */
export function blocksPerPool(p: AllocatorProfile, sizeClass: number): number {
  return Math.floor((p.poolSize - poolOverhead(p)) / blockSize(p, sizeClass));
}

/** MAX_POOLS_IN_ARENA: 64 in every configuration (63 usable when an arena is not pool-aligned). */
export function maxPoolsInArena(p: AllocatorProfile): number {
  return p.arenaSize / p.poolSize;
}

/** Entries of the usedpools array (two per size class, padded to a multiple of 8 classes). */
export function usedpoolsLength(p: AllocatorProfile): number {
  return 2 * Math.ceil(sizeClassCount(p) / 8) * 8;
}

/** Sizes of one radix-tree node per level, bytes, or undefined without a radix tree. */
export function radixNodeBytes(p: AllocatorProfile): { root: number; mid: number; bot: number } | undefined {
  const check = p.addressCheck;
  if (check.kind !== "radix-tree") return undefined;
  // A bottom node holds one arena_coverage_t (two int32: tail_hi, tail_lo) per arena-sized slot.
  const bot = 2 ** check.botBits * 8;
  if (check.topBits === 0) return { root: bot, mid: 0, bot };
  return { root: 2 ** check.topBits * p.pointerSize, mid: 2 ** check.midBits * p.pointerSize, bot };
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}
