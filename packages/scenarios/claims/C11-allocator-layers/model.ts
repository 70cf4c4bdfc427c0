// C11's witness as a model run: call each C API on the model's allocator and see whether C malloc
// (the model's raw allocator, layers +1 and 0) grew by the bytes asked for, as the witness reads
// glibc's mallinfo. C12 and C14 use the same probe.
// Kept: the model refuses witness.py (line 44: 'with' is not modelled yet).
import { type AllocatorProfile, Pymalloc } from "@pymem/core";
import type { WitnessTarget } from "../../src/claim.js";

/** The C functions the witnesses call through ctypes. */
export type CApi = "PyMem_RawMalloc" | "PyMem_Malloc" | "PyObject_Malloc";
export type ServedBy = "malloc" | "pymalloc" | "not in this version";

/** Calls per probe, as in the witnesses. */
export const COPIES = 100;

/** The calls C11's witness makes, in its order. */
export const C11_CALLS: readonly (readonly [CApi, number])[] = [
  ["PyMem_RawMalloc", 64],
  ["PyMem_Malloc", 64],
  ["PyObject_Malloc", 64],
  ["PyObject_Malloc", 1000],
];

/** PEP 445 (3.4) added the raw domain, PyMem_RawMalloc; 2.7 has no such function. */
function hasRawDomain(p: AllocatorProfile): boolean {
  return p.python[0] > 3 || (p.python[0] === 3 && p.python[1] >= 4);
}

/**
 * Bytes C malloc holds: the raw allocator's live bytes, plus the arenas when pymalloc takes them
 * from malloc (2.5 – 2.7.6, 3.0 – 3.2); from mmap they are not malloc's.
 */
export function mallocBytes(pm: Pymalloc): number {
  const arenas = pm.profile.arenaSource === "malloc" ? pm.narenasCurrentlyAllocated * pm.arenaSize : 0;
  return pm.raw.stats().liveBytes + arenas;
}

/**
 * Which allocator serves `api(size)`: the witness's rule, C malloc grew by at least half the bytes.
 * A build without pymalloc (Pyodide) routes every domain to malloc (obmalloc.c's #else branches).
 */
export function servedBy(p: AllocatorProfile, api: CApi, size: number, hasPymalloc = true): ServedBy {
  if (api === "PyMem_RawMalloc" && !hasRawDomain(p)) return "not in this version";
  if (!hasPymalloc) return "malloc";
  const pm = new Pymalloc(p);
  const call = {
    PyMem_RawMalloc: (n: number) => pm.raw.malloc(n),
    PyMem_Malloc: (n: number) => pm.memMalloc(n),
    PyObject_Malloc: (n: number) => pm.malloc(n),
  }[api];
  const before = mallocBytes(pm);
  for (let i = 0; i < COPIES; i++) call(size);
  return (mallocBytes(pm) - before) * 2 >= COPIES * size ? "malloc" : "pymalloc";
}

export function c11Output({ profile, hasPymalloc }: WitnessTarget): string {
  return C11_CALLS.map(
    ([api, size]) => `${api}(${size}): ${servedBy(profile, api, size, hasPymalloc)}\n`,
  ).join("");
}
