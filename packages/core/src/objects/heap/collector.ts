/*
 * The cycle collector (Modules/gcmodule.c ≤3.12, Python/gc.c 3.13+), on the model's heap.
 *
 * A collection of generation g takes every tracked container of generations 0..g and:
 *   1. copies each count into gc_refs and subtracts the references coming from inside the set
 *      (subtract_refs); what is left over is referenced from outside;
 *   2. marks as reachable everything reachable from an object with gc_refs > 0 (move_unreachable);
 *   3. ≤3.3 semantics (2.7): unreachable instances with __del__, and all they reach, are set apart;
 *      those still alive once the rest is cleared (step 6) go to the next generation and the ones
 *      with __del__ to gc.garbage (uncollectable);
 *   4. clears the weakrefs to the rest and calls the callbacks of those weakrefs that are reachable
 *      (handle_weakrefs; 3.15 leaves callback-less weakrefs until after step 5);
 *   5. 3.4+ (PEP 442): runs __del__ once on every unreachable instance that has one, then keeps
 *      alive whatever __del__ resurrected (3.9+: only what is reachable from a resurrected object;
 *      ≤3.8: the whole set survives if anything was resurrected);
 *   6. breaks the remaining cycles with tp_clear, so reference counting frees them;
 *   7. after a full collection, empties the free lists.
 * Up to 3.13 it also stops tracking reachable tuples, and in a full collection dicts, that hold
 * only objects it never needs to see (untrackAtomicSurvivors).
 * It returns collected + uncollectable, as gc.collect() does, which counts objects revived by
 * __del__ differently by version (CollectorProfile.resurrection).
 *
 * Automatic collections: allocating a container raises generation 0's count; above threshold 0
 * the oldest generation over its threshold is collected (the oldest only when long-lived pending
 * objects exceed a quarter of the long-lived total, issue #4074). 3.14.0 – 3.14.4's incremental
 * collector is modelled by its young collections only; gc.collect() is a full collection there too.
 */

import { mayBeTracked, type PyObject } from "../layout/pyobject.js";
import type { ObjectHeap } from "./heap.js";
import type { GcHooks } from "./heap-access.js";

export class Collector implements GcHooks {
  readonly generations: [Set<PyObject>, Set<PyObject>, Set<PyObject>] = [new Set(), new Set(), new Set()];
  readonly count: [number, number, number] = [0, 0, 0];
  thresholds: [number, number, number];
  enabled = true;
  /** gc.garbage: strong references to uncollectable objects (2.7 finalizer cycles). */
  readonly garbage: PyObject[] = [];
  private collecting = false;
  private longLivedTotal = 0;
  private longLivedPending = 0;
  /** collections run, by generation (what gc.get_stats() reports as "collections") */
  readonly collections: [number, number, number] = [0, 0, 0];

  constructor(private readonly heap: ObjectHeap) {
    this.thresholds = [...heap.profile.collector.thresholds];
    heap.attachCollector(this);
  }

  allocated(_o: PyObject): void {
    this.count[0]++;
    const t0 = this.thresholds[0];
    if (this.enabled && t0 > 0 && this.count[0] > t0 && !this.collecting) this.collectGenerations();
  }

  released(): void {
    if (this.count[0] > 0) this.count[0]--;
  }

  track(o: PyObject): void {
    if (o.tracked) return;
    o.tracked = true;
    o.generation = 0;
    this.generations[0].add(o);
  }

  untrack(o: PyObject): void {
    if (!o.tracked) return;
    o.tracked = false;
    this.generations[o.generation]?.delete(o);
  }

  /** gc.collect(generation): collected + uncollectable. */
  collect(generation = 2): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collectGeneration(generation);
    } finally {
      this.collecting = false;
    }
  }

  private collectGenerations(): void {
    if (this.heap.profile.collector.incremental) {
      this.collect(0);
      return;
    }
    for (let i = 2; i >= 0; i--) {
      if ((this.count[i] as number) <= (this.thresholds[i] as number)) continue;
      if (i === 2 && this.longLivedPending < this.longLivedTotal / 4) continue;
      this.collect(i);
      return;
    }
  }

  private collectGeneration(g: number): number {
    const gen = g as 0 | 1 | 2;
    this.collections[gen]++;
    if (gen < 2) this.count[(gen + 1) as 1 | 2]++;
    for (let i = 0; i <= g; i++) this.count[i] = 0;
    const older = Math.min(g + 1, 2);

    // The generation collected, then the younger ones appended in order (gc_list_merge of
    // generations 0 .. g-1 onto g, in collect / gc_collect_main): the order __del__ runs in.
    const young: PyObject[] = [...(this.generations[g] as Set<PyObject>)];
    for (let i = 0; i < g; i++) young.push(...(this.generations[i] as Set<PyObject>));
    const unreachable = this.unreachableOf(young);
    const dead = new Set(unreachable);
    this.untrackAtomicSurvivors(young, dead, g === 2);
    // Survivors move up one generation (the oldest stays where it is).
    for (const o of young) if (!dead.has(o)) this.moveTo(o, older);
    if (g === 2) this.longLivedPending = 0;
    else if (g === 1) this.longLivedPending += young.length - unreachable.length;

    // A weakref still reachable after its callback ran moves to the next generation, like survivors.
    const survivor = (ref: PyObject) => this.moveTo(ref, older);
    let found: number;
    if (this.heap.profile.collector.finalizers === "tp_del") {
      // ≤3.3 (2.7's collect): instances with __del__, and all they reach, are set apart
      // (move_finalizers, move_finalizer_reachable); the rest is cleared. Clearing may free some
      // of those set apart by plain reference counting, __del__ and all ("It may also cause some
      // objects in finalizers to be freed"); only the ones still alive then are uncollectable:
      // they join the next generation, and those with __del__ go to gc.garbage (handle_finalizers).
      const kept = this.reachableFrom(unreachable.filter(hasDel), dead);
      const collectable = unreachable.filter((o) => !kept.has(o));
      found = collectable.length + this.heap.weak.beforeFinalizers(collectable, survivor);
      this.deleteGarbage(collectable);
      for (const o of unreachable) {
        if (!kept.has(o) || o.freed) continue;
        found++;
        this.moveTo(o, older);
        if (hasDel(o)) this.garbage.push(this.heap.incref(o));
      }
    } else {
      const freedRefs = this.heap.weak.beforeFinalizers(unreachable, survivor);
      const { stillDead, revived } = this.finalizeAndCheck(unreachable, older);
      found = freedRefs + this.countFound(unreachable, stillDead, revived);
      this.heap.weak.afterResurrection(stillDead);
      this.deleteGarbage(stillDead);
    }
    if (g === 2) {
      this.heap.clearFreeLists();
      this.longLivedTotal = this.generations[2].size;
    }
    return found;
  }

  /**
   * Up to 3.13 a collection stops tracking the reachable tuples that hold nothing the collector
   * could need to see (_PyTuple_MaybeUntrack: in move_unreachable ≤3.8, untrack_tuples 3.9+), and a
   * full one does the same for dicts (untrack_dicts, _PyDict_MaybeUntrack, issue #14775), in list
   * order, so that a tuple inside a tuple untracked before it counts as atomic.
   */
  private untrackAtomicSurvivors(
    young: readonly PyObject[],
    dead: ReadonlySet<PyObject>,
    full: boolean,
  ): void {
    const c = this.heap.profile.collector;
    const tuples = c.tupleTracking === "untrack-at-collection";
    const dicts = full && c.dictTracking === "when-holding-containers";
    for (const o of young) {
      if (dead.has(o) || !o.tracked) continue;
      if (tuples && o.kind === "tuple" && !o.items.some(mayBeTracked)) this.untrack(o);
      else if (
        dicts &&
        o.kind === "dict" &&
        !o.dictKeys.some(mayBeTracked) &&
        !o.dictValues.some(mayBeTracked)
      )
        this.untrack(o);
    }
  }

  /** What gc.collect() counts of a PEP 442 collection (see CollectorProfile.resurrection). */
  private countFound(unreachable: PyObject[], stillDead: PyObject[], revived: boolean): number {
    switch (this.heap.profile.collector.resurrection) {
      case "count-all":
        return unreachable.length;
      case "revive-set-uncounted":
        return revived ? 0 : stillDead.length;
      case "survivors-uncounted":
        return stillDead.length;
    }
  }

  /** subtract_refs + move_unreachable: the objects of `set` that nothing outside it keeps alive. */
  private unreachableOf(set: PyObject[]): PyObject[] {
    const inSet = new Set(set);
    const gcRefs = new Map<PyObject, number>();
    for (const o of set) gcRefs.set(o, o.refcnt);
    for (const o of set) {
      for (const r of o.referents()) if (inSet.has(r)) gcRefs.set(r, (gcRefs.get(r) as number) - 1);
    }
    const roots = set.filter((o) => (gcRefs.get(o) as number) > 0);
    const reachable = this.reachableFrom(roots, inSet);
    return set.filter((o) => !reachable.has(o));
  }

  /** Everything in `within` reachable from `roots` (roots included). */
  private reachableFrom(roots: PyObject[], within: Set<PyObject>): Set<PyObject> {
    const seen = new Set<PyObject>();
    const stack = [...roots];
    while (stack.length > 0) {
      const o = stack.pop() as PyObject;
      if (seen.has(o)) continue;
      seen.add(o);
      for (const r of o.referents()) if (within.has(r) && !seen.has(r)) stack.push(r);
    }
    return seen;
  }

  /**
   * PEP 442: finalize_garbage, then keep what __del__ resurrected. ≤3.8 (check_garbage) one
   * resurrection revives the whole set; 3.9+ (handle_resurrected_objects) only what a resurrected
   * object reaches. Either way they join `older`, the next generation. Returns what is left to
   * clear, and whether anything was revived.
   */
  private finalizeAndCheck(
    unreachable: PyObject[],
    older: number,
  ): { stillDead: PyObject[]; revived: boolean } {
    let ran = false;
    for (const o of unreachable) {
      if (o.freed || !hasDel(o) || o.finalized) continue;
      o.finalized = true;
      ran = true;
      this.heap.incref(o);
      this.heap.runDel(o);
      this.heap.decref(o);
    }
    const alive = unreachable.filter((o) => !o.freed);
    if (!ran) return { stillDead: alive, revived: false };
    const stillDead = this.unreachableOf(alive);
    const dead = new Set(stillDead);
    const revived = alive.filter((o) => !dead.has(o));
    if (revived.length === 0) return { stillDead, revived: false };
    if (this.heap.profile.collector.resurrection !== "survivors-uncounted") {
      for (const o of alive) this.moveTo(o, older);
      return { stillDead: [], revived: true };
    }
    // Like the survivors, revived objects join the next generation (the oldest stays put).
    for (const o of revived) this.moveTo(o, older);
    return { stillDead, revived: true };
  }

  /** delete_garbage: tp_clear each object still alive, holding a reference across the call. */
  private deleteGarbage(objects: PyObject[]): void {
    for (const o of objects) {
      // Tuples have no tp_clear: their cycles are broken through the other members.
      if (o.freed || !o.tracked || o.kind === "tuple") continue;
      this.heap.incref(o);
      this.heap.clearReferences(o);
      this.heap.decref(o);
    }
  }

  private moveTo(o: PyObject, generation: number): void {
    if (!o.tracked || o.generation === generation) return;
    this.generations[o.generation]?.delete(o);
    o.generation = generation;
    this.generations[generation]?.add(o);
  }
}

const hasDel = (o: PyObject) => o.kind === "instance" && o.cls?.classSpec?.__del__ !== undefined;
