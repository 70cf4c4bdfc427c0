/*
 * The modules a python() session offers: gc, sys (its memory functions) and weakref.
 */
import { NotModelledError } from "../../errors.js";
import { allocatedBlocks } from "../../pymalloc/stats.js";
import type { PyObject } from "../layout/pyobject.js";
import { getsizeof, listSize } from "../layout/sizes.js";
import type { Expr, SessionAccess } from "./session-access.js";

/** What getrefcount's value means for an object (see Lifetime in layout/pyobject.ts). */
export type RefcountKind = "counted" | "runtime-held" | "static" | "immortal";

/** The gc module. */
export class GcModule {
  constructor(private readonly py: SessionAccess) {}

  /** gc.collect(generation=2): the number of unreachable objects found (a statement). */
  collect(generation = 2): number {
    const n = this.py.collector.collect(generation);
    this.py.endStatement();
    return n;
  }

  get_threshold(): [number, number, number] {
    return [...this.py.collector.thresholds];
  }

  set_threshold(...t: number[]): void {
    const c = this.py.collector.thresholds;
    t.slice(0, 3).forEach((v, i) => {
      c[i] = v;
    });
  }

  get_count(): [number, number, number] {
    return [...this.py.collector.count];
  }

  is_tracked(e: Expr): boolean {
    return this.py.peek(e).tracked;
  }

  /** len(gc.garbage) */
  garbageCount(): number {
    return this.py.collector.garbage.length;
  }

  disable(): void {
    this.py.collector.enabled = false;
  }

  enable(): void {
    this.py.collector.enabled = true;
  }

  isenabled(): boolean {
    return this.py.collector.enabled;
  }
}

/** The sys module's memory functions. */
export class SysModule {
  constructor(private readonly py: SessionAccess) {}

  /**
   * sys.getrefcount(x): the count including the argument's own stack reference. Throws for objects
   * whose count includes references the model cannot see (refcountKind tells which those are).
   */
  getrefcount(e: Expr): number {
    const o = this.py.peek(e);
    const kind = this.refcountKind(e);
    if (kind === "immortal") {
      const { immortalValue, staticImmortalValue } = this.py.profile.refcounts;
      return (this.py.heap.runtime.isStaticallyAllocated(o) ? staticImmortalValue : immortalValue) as number;
    }
    if (kind !== "counted") {
      throw new NotModelledError(`the count of ${o} includes the interpreter's own references (${kind})`);
    }
    if (typeof e === "string") {
      const borrowed = this.py.profile.refcounts.borrowedLocals && this.py.isFunctionLocal(e);
      return o.refcnt + (borrowed ? 0 : 1);
    }
    return o.refcnt + (this.py.onStack(o) ? 0 : 1);
  }

  refcountKind(e: Expr): RefcountKind {
    const lifetime = this.py.peek(e).lifetime;
    return lifetime === "heap" ? "counted" : lifetime;
  }

  /** sys.getsizeof(x) */
  getsizeof(e: Expr): number {
    const o = this.py.peek(e);
    const p = this.py.profile;
    if (o.kind === "list") return getsizeof(listSize(p, o.allocated));
    if (o.kind === "dict") return this.py.heap.dicts.sizeOf(o);
    if (!o.size)
      throw new NotModelledError(`getsizeof of ${o.kind} objects made by the runtime is not modelled`);
    return getsizeof(o.size);
  }

  /** sys.intern(s): a new stack reference to the interned string. */
  intern(e: Expr): PyObject {
    const o = this.py.peek(e);
    if (o.kind !== "str") throw new TypeError("intern() argument must be str");
    return this.py.pushResult(this.py.heap.intern(this.py.takeRef(e)));
  }

  /** sys.getallocatedblocks() */
  getallocatedblocks(): number {
    return allocatedBlocks(this.py.pm);
  }
}

/** The weakref module. Calling a weakref is the session's callRef. */
export class WeakrefModule {
  constructor(private readonly py: SessionAccess) {}

  /**
   * weakref.ref(obj[, callback]): a new stack reference to a weakref. Without a callback an
   * object's weakref is shared; the callback is a function object (py.def or py.lambda) that gets
   * the weakref when the referent dies.
   */
  ref(target: Expr, callback?: Expr): PyObject {
    const cb = callback === undefined ? undefined : this.py.peek(callback);
    return this.py.pushResult(this.py.heap.weak.create(this.py.peek(target), cb));
  }

  /** weakref.getweakrefcount(obj) */
  getweakrefcount(target: Expr): number {
    return this.py.heap.weak.count(this.py.peek(target));
  }
}
