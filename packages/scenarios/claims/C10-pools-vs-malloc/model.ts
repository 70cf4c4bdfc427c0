// C10 on the model: what pools do for many small objects (no malloc call per object), what they cost
// (freed blocks serve only their own size class; a pool or arena goes back only when empty), and the
// witness's predicted output. Time is not modelled: the one timing line of the witness states a
// measurement (recordings/C10.json has the figures on stderr), not a model result.
// Kept: the model refuses witness.py (line 23: 'with' is not modelled yet).
import {
  type AllocatorProfile,
  bytesSize,
  objectProfile,
  objectRequest,
  Pymalloc,
  sizeClassUsage,
  withoutDebugHooks,
} from "@pymem/core";
import type { WitnessTarget } from "../../src/claim.js";

/** The witness's objects: 200000 bytes objects of length 8, then as many of length 70. */
export const OBJECTS = 200_000;
const SMALL_LENGTH = 8;
const OTHER_LENGTH = 70;

/** PYTHONMALLOC exists from 3.6 (Doc/using/cmdline.rst); 2.7 cannot switch pymalloc off. */
export function hasMallocSwitch(p: AllocatorProfile): boolean {
  return p.python[0] > 3 || (p.python[0] === 3 && p.python[1] >= 6);
}

const poolsInUse = (pm: Pymalloc) => sizeClassUsage(pm).reduce((n, u) => n + u.pools, 0);

/**
 * A C malloc chunk for a request, glibc's and dlmalloc's rule: the request plus one size word,
 * rounded up to two words, at least four words (malloc/malloc.c request2size, MINSIZE).
 */
export function mallocChunk(request: number, pointerSize: number): number {
  const align = 2 * pointerSize;
  return Math.max(4 * pointerSize, Math.ceil((request + pointerSize) / align) * align);
}

export interface FragmentationRun {
  /** Pools the small objects took, and how many of them emptied when nine in ten were freed. */
  readonly poolsTaken: number;
  readonly poolsEmptied: number;
  /** Bytes each allocator holds with all small objects live, and after the second batch. */
  readonly pymallocOneSize: number;
  readonly mallocOneSize: number;
  readonly pymallocAfter: number;
  readonly mallocAfter: number;
}

/**
 * The witness's memory experiment. pymalloc's side runs on the model (pools in use times POOL_SIZE);
 * malloc's side is the chunk arithmetic above plus glibc's one rule that matters here: neighbouring
 * free chunks merge, so each run of nine freed chunks is reused for as many new chunks as fit.
 */
export function fragmentationRun(p: AllocatorProfile, version: string): FragmentationRun {
  const layout = objectProfile(version, p.pointerSize);
  const small = objectRequest(bytesSize(layout, SMALL_LENGTH));
  const other = objectRequest(bytesSize(layout, OTHER_LENGTH));
  const listBytes = OBJECTS * p.pointerSize; // the list holding them, malloc'd on both sides
  const pm = new Pymalloc(p);
  const blocks = Array.from({ length: OBJECTS }, () => pm.malloc(small));
  const poolsTaken = poolsInUse(pm);
  const pymallocOneSize = poolsTaken * p.poolSize + listBytes;
  for (let i = OBJECTS - 1; i >= 0; i--) if (i % 10 !== 0) pm.free(blocks[i] as number);
  const poolsEmptied = poolsTaken - poolsInUse(pm);
  for (let i = 0; i < OBJECTS; i++) pm.malloc(other);
  const pymallocAfter = poolsInUse(pm) * p.poolSize + listBytes;

  const c1 = mallocChunk(small, p.pointerSize);
  const c2 = mallocChunk(other, p.pointerSize);
  const mallocOneSize = OBJECTS * c1 + listBytes;
  const reusedPerRun = Math.floor((9 * c1) / c2) * c2;
  const mallocAfter = mallocOneSize + Math.max(0, OBJECTS * c2 - (OBJECTS / 10) * reusedPerRun);
  return { poolsTaken, poolsEmptied, pymallocOneSize, mallocOneSize, pymallocAfter, mallocAfter };
}

/**
 * Arenas mapped per round when a workload fills most of one arena and frees it all, round after
 * round: 1 while every empty arena is unmapped (≤3.8), 0 once the last empty one is kept (3.9+).
 */
export function arenasMappedPerRound(p: AllocatorProfile, rounds = 10): number {
  const pm = new Pymalloc(p);
  const size = 256;
  const count = Math.floor((0.9 * p.arenaSize) / size);
  const round = () => {
    const blocks = Array.from({ length: count }, () => pm.malloc(size));
    for (const b of blocks) pm.free(b);
  };
  round();
  const before = pm.ntimesArenaAllocated;
  for (let r = 0; r < rounds; r++) round();
  return (pm.ntimesArenaAllocated - before) / rounds;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

export function c10Output({ profile, version, hasPymalloc }: WitnessTarget): string {
  if (!hasMallocSwitch(profile)) return "PYTHONMALLOC: not available before 3.6\n";
  if (!hasPymalloc) return "pymalloc: not in this build\n";
  // The pools line is the witness's own process; the memory lines its children's, started with
  // PYTHONMALLOC=pymalloc or =malloc, which a debug build runs without its debug hooks.
  const f = fragmentationRun(profile, version);
  const child = profile.debugHookBytes === 0 ? f : fragmentationRun(withoutDebugHooks(profile), version);
  return [
    "PYTHONMALLOC=malloc turns pymalloc off: yes",
    `pools emptied by freeing 9 in 10 small objects: ${f.poolsEmptied * 20 < f.poolsTaken ? "none" : "some"}`,
    `${OBJECTS} small objects of one size: pymalloc needs less memory than malloc: ${yesNo(child.pymallocOneSize * 1.1 < child.mallocOneSize)}`,
    `then 9 in 10 freed and as many made of another size: pymalloc needs more: ${yesNo(child.pymallocAfter > child.mallocAfter * 1.1)}`,
    "",
  ].join("\n");
}
