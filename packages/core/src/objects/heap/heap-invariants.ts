/*
 * The object layer's invariant checker (heap.ts lists the invariants), in the spirit of
 * mimalloc's mi_heap_check: cheap enough to run after every statement of a property test.
 */
import { InvariantViolation } from "../../pymalloc/invariants.js";
import { table27Size, usableFraction } from "../layout/dict-sizes.js";
import type { PyObject } from "../layout/pyobject.js";
import type { Collector } from "./collector.js";
import type { ObjectHeap } from "./heap.js";
import { SET_MINSIZE } from "./sets.js";

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
  // 5. weakrefs: no live weakref points to a freed object, and lists and referents agree
  for (const o of heap.live) checkWeakrefs(o, fail);
  // dict and set tables fit their entries, and their memory is live
  for (const o of heap.live) if (o.kind === "dict") checkDictTable(heap, o, fail);
  for (const o of heap.live) if (o.kind === "set" || o.kind === "frozenset") checkSetTable(heap, o, fail);
  // 4. memory
  const blocks = new Map<number, PyObject>();
  const { float, int } = heap.profile.freeLists;
  const fromBlockAllocator = (o: PyObject) =>
    (o.kind === "float" && float === "block-allocator") || (o.kind === "int" && int === "block-allocator");
  for (const o of heap.live) {
    const other = blocks.get(o.block);
    if (other) fail(`${o} and ${other} share block 0x${o.block.toString(16)}`);
    blocks.set(o.block, o);
    if (fromBlockAllocator(o)) continue;
    if (!heap.pm.locate(o.block) && !heap.pm.raw.owns(o.block))
      fail(`${o}'s block is not live in the allocator`);
  }
}

type Fail = (msg: string) => never;

function checkWeakrefs(o: PyObject, fail: Fail): void {
  const target = o.referent;
  if (o.kind === "weakref" && target) {
    if (target.freed) fail(`${o} still points to ${target}, which was deallocated`);
    if (!target.weakrefs.includes(o)) fail(`${o} points to ${target}, which does not list it`);
  }
  const seen = new Set<PyObject>();
  o.weakrefs.forEach((ref, i) => {
    if (ref.freed) fail(`${o} lists ${ref}, which was deallocated`);
    if (ref.referent !== o) fail(`${o} lists ${ref}, which points elsewhere`);
    if (seen.has(ref)) fail(`${o} lists ${ref} twice`);
    if (i > 0 && !ref.callback) fail(`${o}'s callback-less ${ref} is not at the head of its list`);
    seen.add(ref);
  });
}

function checkDictTable(heap: ObjectHeap, d: PyObject, fail: Fail): void {
  const entries = d.dictKeys.length;
  const liveBlock = (block: number) => heap.pm.locate(block) !== undefined || heap.pm.raw.owns(block);
  if (heap.profile.python[0] === 2) {
    if (entries * 3 >= d.tableSlots * 2) fail(`${d} holds ${entries} entries in ${d.tableSlots} slots`);
    if (
      table27Size(heap.profile, d.tableSlots) > 0 !== (d.keysBlock !== 0) ||
      (d.keysBlock && !liveBlock(d.keysBlock))
    )
      fail(`${d}'s table of ${d.tableSlots} slots has no live block of its own`);
    return;
  }
  const shared = d.sharedKeys;
  if (shared) {
    const names = d.dictKeys.map((k) => k.value);
    if (names.some((n, i) => shared.names[i] !== n)) fail(`${d}'s keys are not the shared keys' prefix`);
    if (shared.names.length > usableFraction(shared.slots)) fail(`${d}'s shared keys overflow their table`);
    if (shared.refcnt < 1 || !liveBlock(shared.block) || !liveBlock(d.valuesBlock))
      fail(`${d}'s shared keys or values are not live`);
    return;
  }
  if (entries > usableFraction(d.tableSlots)) fail(`${d} holds ${entries} entries in ${d.tableSlots} slots`);
  if (d.tableSlots > 0 && !liveBlock(d.keysBlock)) fail(`${d}'s keys table is not live`);
}

/** A set's fill and used match its slots, one slot stays empty, and a table past 8 slots is live memory. */
function checkSetTable(heap: ObjectHeap, o: PyObject, fail: (msg: string) => never): void {
  const t = o.setTable ?? fail(`${o} has no table`);
  const slots = t.mask + 1;
  const active = t.keys.filter((k) => typeof k === "object").length;
  const dummies = t.keys.filter((k) => typeof k === "symbol").length;
  if (t.keys.length !== slots || (slots & t.mask) !== 0)
    fail(`${o}: ${t.keys.length} slots for mask ${t.mask}`);
  if (active !== t.used || active + dummies !== t.fill)
    fail(`${o}: used ${t.used}, fill ${t.fill} for its slots`);
  if (t.fill >= slots) fail(`${o}: no empty slot left`);
  const large = slots > SET_MINSIZE;
  if (large !== (t.block !== 0))
    fail(`${o}: ${slots} slots ${large ? "without" : "with"} a table of their own`);
  if (large && heap.pm.locate(t.block) === undefined && !heap.pm.raw.owns(t.block))
    fail(`${o}: its table's memory is not allocated`);
}
