/*
 * The object layer's invariant checker (heap.ts lists the invariants), in the spirit of
 * mimalloc's mi_heap_check: cheap enough to run after every statement of a property test.
 */
import { InvariantViolation } from "../pymalloc/invariants.js";
import type { Collector } from "./collector.js";
import { BlockAllocator } from "./freelists.js";
import type { ObjectHeap } from "./heap.js";
import type { PyObject } from "./pyobject.js";

/**
 * Throws InvariantViolation naming the first broken invariant. `roots` are the references held
 * from outside the heap (names, evaluation stacks, gc.garbage): one entry per reference.
 */
export function checkHeap(heap: ObjectHeap, roots: Iterable<PyObject>, collector?: Collector): void {
  const fail = (msg: string) => {
    throw new InvariantViolation(`object heap: ${msg}`);
  };
  const expected = new Map<PyObject, number>();
  const count = (o: PyObject, from: string) => {
    if (o.freed) fail(`${from} refers to ${o}, which was deallocated`);
    expected.set(o, (expected.get(o) ?? 0) + 1);
  };
  for (const r of roots) count(r, "a root");
  for (const o of heap.live) {
    if (o.freed) fail(`${o} is in the live set but freed`);
    for (const r of o.referents()) count(r, String(o));
  }
  // 1. counts are exactly the references
  for (const o of heap.live) {
    const refs = expected.get(o) ?? 0;
    if (o.refcnt !== refs) fail(`${o} has refcnt ${o.refcnt} but ${refs} references`);
  }
  for (const o of expected.keys()) {
    if (o.lifetime === "heap" && !heap.live.has(o)) fail(`${o} is referenced but not in the live set`);
  }
  // 3. tracking
  if (collector) {
    const seen = new Set<PyObject>();
    collector.generations.forEach((gen, g) => {
      for (const o of gen) {
        if (!o.tracked || o.generation !== g) fail(`${o} is in generation ${g} but says ${o.generation}`);
        if (o.freed || !o.isContainer) fail(`${o} is tracked but freed or not a container`);
        if (seen.has(o)) fail(`${o} is in two generations`);
        seen.add(o);
      }
    });
    for (const o of heap.live)
      if (o.tracked && !seen.has(o)) fail(`${o} says tracked but is in no generation`);
  }
  // 4. memory
  const blocks = new Map<number, PyObject>();
  const fromBlockAllocator = (o: PyObject) =>
    (o.kind === "float" && heap.floatList instanceof BlockAllocator) ||
    (o.kind === "int" && heap.intList instanceof BlockAllocator);
  for (const o of heap.live) {
    const other = blocks.get(o.block);
    if (other) fail(`${o} and ${other} share block 0x${o.block.toString(16)}`);
    blocks.set(o.block, o);
    if (fromBlockAllocator(o)) continue;
    if (!heap.pm.locate(o.block) && !heap.pm.raw.owns(o.block))
      fail(`${o}'s block is not live in the allocator`);
  }
}
