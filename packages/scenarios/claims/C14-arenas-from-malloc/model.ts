// C14's witness as a model run: the arena size as the statistics text prints it, and how much of the
// memory for 50000 small objects C malloc handed out.
// Kept: the model refuses witness.py (line 7: 'from itertools import' is not modelled yet).
import {
  type AllocatorProfile,
  bytesSize,
  debugMallocStats,
  getsizeof,
  objectProfile,
  objectRequest,
  Pymalloc,
} from "@pymem/core";
import type { WitnessTarget } from "../../src/claim.js";
import { mallocBytes } from "../C11-allocator-layers/model.js";

/** The witness's workload: this many bytes objects of this length. */
export const OBJECTS = 50_000;
export const LENGTH = 200;

/** ARENA_SIZE read from the model's _PyObject_DebugMallocStats text ("N arenas * SIZE bytes/arena"). */
export function arenaSizeFromStats(pm: Pymalloc): number {
  const line = debugMallocStats(pm)
    .split("\n")
    .find((l) => l.includes("bytes/arena"));
  return Number(/\* (\d+) bytes\/arena/.exec(line ?? "")?.[1]);
}

/**
 * The share of the objects' bytes that C malloc handed out while they were made (the list holding
 * them included, as in the witness): about 1 when arenas come from malloc, near 0 when from mmap.
 */
export function mallocShare(p: AllocatorProfile, version: string): number {
  const size = bytesSize(objectProfile(version, p.pointerSize), LENGTH);
  const pm = new Pymalloc(p);
  const before = mallocBytes(pm);
  pm.memMalloc(OBJECTS * p.pointerSize); // the list's item array
  for (let i = 0; i < OBJECTS; i++) pm.malloc(objectRequest(size));
  return (mallocBytes(pm) - before) / (OBJECTS * getsizeof(size));
}

export function c14Output({ profile, version, hasPymalloc }: WitnessTarget): string {
  const size =
    hasPymalloc && profile.hasDebugMallocStats
      ? `${arenaSizeFromStats(new Pymalloc(profile))} bytes`
      : "no pymalloc statistics to read it from";
  const share = hasPymalloc ? mallocShare(profile, version) : 1; // without pymalloc, malloc serves all
  const fromMalloc = share > 0.75 ? "yes" : share < 0.25 ? "no" : "partly";
  return `arena size: ${size}\nmemory of ${OBJECTS} small objects came from C malloc: ${fromMalloc}\n`;
}
