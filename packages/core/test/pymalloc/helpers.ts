import { createHash } from "node:crypto";
import { blocksPerPool, checkInvariants, Pymalloc, type PymallocOptions, profile } from "../../src/index.js";

/** A fresh model of profile `id`, with the invariants checked after construction. */
export function model(id = "3.11", options: PymallocOptions = {}): Pymalloc {
  const pm = new Pymalloc(profile(id), options);
  checkInvariants(pm);
  return pm;
}

/** Allocates blocks of `size` until a fresh pool of that class is completely full; returns them. */
export function fillPool(pm: Pymalloc, size: number): number[] {
  const cls = (size - 1) >> pm.shift;
  return Array.from({ length: blocksPerPool(pm.profile, cls) }, () => pm.malloc(size));
}

export function where(pm: Pymalloc, address: number) {
  const b = pm.locate(address);
  if (!b) throw new Error(`0x${address.toString(16)} is not a live pymalloc block`);
  return b;
}

/**
 * The model's whole state, condensed: every typed array (hashed), the arena lists and counters, the
 * radix tree and the raw allocator (its blocks, free chunks and top). Two snapshots are equal exactly
 * when the states are.
 */
export function snapshot(pm: Pymalloc) {
  const hash = (a: ArrayBufferView) =>
    createHash("sha256")
      .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
      .digest("hex");
  return {
    arrays: {
      arenas: hash(pm.arenas),
      arAddress: hash(pm.arAddress),
      arPoolAddress: hash(pm.arPoolAddress),
      arFirstPool: hash(pm.arFirstPool),
      pools: hash(pm.pools),
      poolBase: hash(pm.poolBase),
      links: hash(pm.links),
      pageTable: hash(pm.pageTable),
      nfp2lasta: hash(pm.nfp2lasta),
    },
    radix: pm.radix?.state(),
    lists: [pm.maxarenas, pm.unusedArenaObjects, pm.usableArenas, pm.space.mapped],
    counters: [
      pm.narenasCurrentlyAllocated,
      pm.ntimesArenaAllocated,
      pm.narenasHighwater,
      pm.rawAllocatedBlocks,
    ],
    raw: { state: pm.raw.state(), stats: pm.raw.stats() },
  };
}
