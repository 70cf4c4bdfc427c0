// C15's witness as a model run: the address space pymalloc's arenas take while 200000 small objects
// are made, nine in ten freed (one survivor in every pool), then the rest freed.
// Kept: the model refuses witness.py (line 9: 'from itertools import' is not modelled yet).
import { type AllocatorProfile, bytesSize, objectProfile, objectRequest, Pymalloc } from "@pymem/core";
import type { WitnessTarget } from "../../src/claim.js";

export const OBJECTS = 200_000;
export const LENGTH = 200;

export type GivenBack = "most" | "some" | "little";

export interface ArenaTrace {
  /** Bytes of arenas mapped before, at the peak, after freeing nine in ten, after freeing all. */
  readonly base: number;
  readonly peak: number;
  readonly afterNineTenths: number;
  readonly afterAll: number;
}

/** The witness's rule for how much of the growth went back. */
export function givenBack(peak: number, now: number, base: number): GivenBack {
  const share = (peak - now) / (peak - base);
  return share > 0.75 ? "most" : share < 0.25 ? "little" : "some";
}

export function arenaTrace(p: AllocatorProfile, version: string): ArenaTrace {
  const pm = new Pymalloc(p);
  const mapped = () => pm.narenasCurrentlyAllocated * pm.arenaSize;
  const request = objectRequest(bytesSize(objectProfile(version, p.pointerSize), LENGTH));
  const base = mapped();
  const objs = Array.from({ length: OBJECTS }, () => pm.malloc(request));
  const peak = mapped();
  // `del objs`: the list drops its items from the last; every tenth lives on in `keep`.
  for (let i = OBJECTS - 1; i >= 0; i--) if (i % 10 !== 0) pm.free(objs[i] as number);
  const afterNineTenths = mapped();
  for (let i = OBJECTS - 10; i >= 0; i -= 10) pm.free(objs[i] as number);
  return { base, peak, afterNineTenths, afterAll: mapped() };
}

export function c15Output({ profile, version }: WitnessTarget): string {
  const t = arenaTrace(profile, version);
  return (
    `freed 9 in 10 objects, the rest spread over every pool: given back: ${givenBack(t.peak, t.afterNineTenths, t.base)}\n` +
    `freed them all: given back: ${givenBack(t.peak, t.afterAll, t.base)}\n`
  );
}
