/*
 * The cycle collector (Modules/gcmodule.c ≤3.12, Python/gc.c 3.13+), on the model's heap.
 *
 * A collection of generation g takes every tracked container of generations 0..g and:
 *   1. copies each count into gc_refs and subtracts the references coming from inside the set
 *      (subtract_refs); what is left over is referenced from outside;
 *   2. marks as reachable everything reachable from an object with gc_refs > 0 (move_unreachable);
 *   3. ≤3.3 semantics (2.7): unreachable instances with __del__, and all they reach, are not freed:
 *      they go to the oldest generation and the ones with __del__ to gc.garbage (uncollectable);
 *      3.4+ (PEP 442): runs __del__ once on every unreachable instance that has one, then keeps
 *      alive whatever __del__ resurrected (3.9+: only what is reachable from a resurrected object;
 *      ≤3.8: the whole set survives if anything was resurrected);
 *   4. breaks the remaining cycles with tp_clear, so reference counting frees them;
 *   5. after a full collection, empties the free lists.
 * It returns collected + uncollectable, as gc.collect() does.
 *
 * Automatic collections: allocating a container raises generation 0's count; above threshold 0
 * the oldest generation over its threshold is collected (the oldest only when long-lived pending
 * objects exceed a quarter of the long-lived total, issue #4074). 3.14.0 – 3.14.4's incremental
 * collector is modelled by its young collections only; gc.collect() is a full collection there too.
 */
import type { GcHooks, ObjectHeap } from "./heap.js";
import type { PyObject } from "./pyobject.js";

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
    heap.gc = this;
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

    const young: PyObject[] = [];
    for (let i = 0; i <= g; i++) young.push(...(this.generations[i] as Set<PyObject>));
    const unreachable = this.unreachableOf(young);
    const dead = new Set(unreachable);
    // Survivors move up one generation (the oldest stays where it is).
    for (const o of young) if (!dead.has(o)) this.moveTo(o, older);
    if (g === 2) this.longLivedPending = 0;
    else if (g === 1) this.longLivedPending += young.length - unreachable.length;

    let uncollectable = 0;
    let candidates = unreachable;
    if (this.heap.profile.collector.finalizers === "tp_del") {
      const kept = this.reachableFrom(unreachable.filter(hasDel), dead);
      for (const o of unreachable) {
        if (!kept.has(o)) continue;
        this.moveTo(o, 2);
        if (hasDel(o)) this.garbage.push(this.heap.incref(o));
      }
      uncollectable = kept.size;
      candidates = unreachable.filter((o) => !kept.has(o));
    } else {
      candidates = this.finalizeAndCheck(unreachable);
    }
    // Counted before any finalizer runs, so resurrected objects still count (every version).
    const collected = unreachable.length - uncollectable;
    this.deleteGarbage(candidates);
    if (g === 2) {
      this.heap.clearFreeLists();
      this.longLivedTotal = this.generations[2].size;
    }
    return collected + uncollectable;
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

  /** PEP 442: finalize_garbage, then keep what __del__ resurrected; returns what is left to clear. */
  private finalizeAndCheck(unreachable: PyObject[]): PyObject[] {
    let ran = false;
    for (const o of unreachable) {
      if (o.freed || !hasDel(o) || o.finalized) continue;
      o.finalized = true;
      ran = true;
      this.heap.incref(o);
      this.heap.finalizer(o);
      this.heap.decref(o);
    }
    if (!ran) return unreachable;
    const stillDead = this.unreachableOf(unreachable.filter((o) => !o.freed));
    const dead = new Set(stillDead);
    const revived = unreachable.filter((o) => !o.freed && !dead.has(o));
    if (revived.length === 0) return stillDead;
    const [major, minor] = this.heap.profile.python;
    if (major === 3 && minor <= 8) {
      // check_garbage / revive_garbage: anything resurrected keeps the whole set alive.
      for (const o of unreachable) if (!o.freed) this.moveTo(o, 2);
      return [];
    }
    for (const o of revived) this.moveTo(o, 2);
    return stillDead;
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
