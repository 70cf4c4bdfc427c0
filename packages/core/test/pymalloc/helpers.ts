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
