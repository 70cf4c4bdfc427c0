/*
 * Weak references (Objects/weakrefobject.c, and their part in subtype_dealloc and the collector).
 *
 * A weakref points at its referent without counting; the referent keeps a list of the weakrefs to
 * it. weakref.ref(o) without a callback is shared: one such ref per object, at the head of the list.
 * A ref with a callback is always new and goes right after that head, so newer callbacks come first.
 *
 * When the referent's count reaches zero, PyObject_ClearWeakRefs clears every weakref (calling it
 * then gives None) and calls the callbacks, in list order, each with its weakref:
 *   2.7   before __del__, so __del__ already sees None and a resurrected object has lost its weakrefs;
 *   3.4+  after __del__ (PEP 442): a resurrected object keeps its weakrefs, callbacks wait for its death.
 * The cycle collector clears weakrefs to unreachable objects itself (handle_weakrefs) and calls the
 * callbacks of the weakrefs that are still reachable, before finalizers run (see collector.ts).
 */
import { ModelError, NotModelledError } from "../../errors.js";
import type { PyObject } from "../layout/pyobject.js";
import { weakrefSize } from "../layout/sizes.js";
import type { HeapAccess } from "./heap-access.js";

/** weakref.ref of an object whose type has no weakref slot (Python raises TypeError). */
export class CannotWeakrefError extends ModelError {
  override name = "CannotWeakrefError";
}

export class Weakrefs {
  constructor(private readonly heap: HeapAccess) {}

  /** Does the object's type have a weakref slot? Instances do, unless __slots__ leaves out "__weakref__". */
  supports(o: PyObject): boolean {
    if (o.kind !== "instance") return false;
    const slots = o.cls?.classSpec?.slots;
    return slots === undefined || slots.includes("__weakref__");
  }

  /** weakref.ref(target[, callback]): a new reference to a weakref (the shared one when no callback). */
  create(target: PyObject, callback: PyObject | undefined): PyObject {
    if (target.freed) throw new NotModelledError(`weakref to ${target}, which was already deallocated`);
    if (target.kind === "function" || target.kind === "class")
      throw new NotModelledError(`weak references to ${target.kind} objects are not modelled`);
    if (!this.supports(target)) {
      const name = target.kind === "instance" ? target.cls?.classSpec?.name : target.kind;
      throw new CannotWeakrefError(`TypeError: cannot create weak reference to '${name}' object`);
    }
    if (callback && callback.kind !== "function")
      throw new NotModelledError("a weakref callback must be a function object (py.def or py.lambda)");
    const basic = this.basicRef(target);
    if (!callback && basic) return this.heap.incref(basic);
    // tp_alloc tracks the new ref and may run a collection, so the list is looked at again after it.
    const ref = this.heap.allocateObject("weakref", weakrefSize(this.heap.profile), true);
    this.heap.track(ref);
    ref.referent = target;
    if (callback) ref.callback = this.heap.incref(callback);
    const list = target.weakrefs;
    if (callback && this.basicRef(target)) list.splice(1, 0, ref);
    else list.unshift(ref);
    return ref;
  }

  /** r(): a new reference to the referent, or to None once the weakref was cleared. */
  deref(ref: PyObject): PyObject {
    if (ref.kind !== "weakref") throw new TypeError(`${ref} is not a weakref`);
    return this.heap.incref(ref.referent ?? this.heap.runtime.none);
  }

  /** weakref.getweakrefcount(o) */
  count(target: PyObject): number {
    return target.weakrefs.length;
  }

  /**
   * clear_weakref (dropCallback) or _PyWeakref_ClearRef (the collector's, which leaves the callback
   * in place until the weakref dies): unlinks the ref from its referent's list.
   */
  clear(ref: PyObject, dropCallback: boolean): void {
    const target = ref.referent;
    if (target) {
      const i = target.weakrefs.indexOf(ref);
      if (i >= 0) target.weakrefs.splice(i, 1);
      ref.referent = undefined;
    }
    const callback = ref.callback;
    if (dropCallback && callback) {
      ref.callback = undefined;
      this.heap.decref(callback);
    }
  }

  /**
   * PyObject_ClearWeakRefs: the referent's count reached zero. Callback-less refs at the head are
   * cleared first (≤3.12: at most two, the basic ref and proxy; 3.13+: all). Every other ref is
   * cleared before any callback runs; one left alone is handled directly (≤3.12), otherwise a tuple
   * of (ref, callback) pairs keeps them alive through the calls.
   */
  clearOnDeath(target: PyObject): void {
    const list = target.weakrefs;
    const tupleAlways = this.heap.profile.weakrefs.callbackTuple === "one-or-more";
    for (let removed = 0; list.length > 0 && !list[0]?.callback && (tupleAlways || removed < 2); removed++) {
      this.clear(list[0] as PyObject, true);
    }
    if (list.length === 0) return;
    if (!tupleAlways && list.length === 1) {
      const ref = list[0] as PyObject;
      const callback = ref.callback;
      ref.callback = undefined;
      this.clear(ref, false);
      if (callback) {
        this.heap.callFunction(callback, [ref]);
        this.heap.decref(callback);
      }
      return;
    }
    const pairs: PyObject[] = [];
    for (const ref of [...list]) {
      const callback = ref.callback;
      ref.callback = undefined;
      this.clear(ref, false);
      // The model has no callback-less ref past the head, so every pair has its callback.
      pairs.push(this.heap.incref(ref), callback as PyObject);
    }
    const tuple = this.heap.tuple(pairs);
    for (let i = 0; i < pairs.length; i += 2) {
      this.heap.callFunction(pairs[i + 1] as PyObject, [pairs[i] as PyObject]);
    }
    this.heap.decref(tuple);
  }

  /** 2.7 subtype_dealloc after a __del__ that did not resurrect: refs made by __del__ go, uncalled. */
  clearQuietly(target: PyObject): void {
    while (target.weakrefs.length > 0) this.clear(target.weakrefs[0] as PyObject, false);
  }

  /**
   * The collector's handle_weakrefs, before finalizers: clears the weakrefs to every unreachable
   * object (3.15: only those with callbacks) and, from 3.8 to 3.14, unreachable weakrefs themselves;
   * then calls the callbacks of the cleared weakrefs that are themselves reachable, in order.
   * `survivor` gets each such weakref still alive after its callback (it moves to the older
   * generation). Returns how many of them died, which gc.collect() adds to its count.
   */
  beforeFinalizers(unreachable: readonly PyObject[], survivor: (ref: PyObject) => void): number {
    const { weakrefClearing, clearsUnreachableWeakrefs } = this.heap.profile.collector;
    const inSet = new Set(unreachable);
    const toCall: PyObject[] = [];
    for (const op of unreachable) {
      if (op.freed) continue;
      if (op.kind === "weakref" && clearsUnreachableWeakrefs) this.clear(op, false);
      for (const ref of [...op.weakrefs]) {
        if (weakrefClearing === "callbacks-first" && !ref.callback) continue;
        this.clear(ref, false);
        if (!ref.callback || inSet.has(ref)) continue;
        toCall.push(this.heap.incref(ref));
      }
    }
    let freed = 0;
    for (const ref of toCall) {
      this.heap.callFunction(ref.callback as PyObject, [ref]);
      this.heap.decref(ref);
      if (ref.freed) freed++;
      else survivor(ref);
    }
    return freed;
  }

  /** 3.15 (gh-135552): after the resurrection check, the rest is cleared without calling anything. */
  afterResurrection(unreachable: readonly PyObject[]): void {
    if (this.heap.profile.collector.weakrefClearing !== "callbacks-first") return;
    for (const op of unreachable) {
      if (op.freed) continue;
      if (op.kind === "weakref") this.clear(op, false);
      while (op.weakrefs.length > 0) this.clear(op.weakrefs[0] as PyObject, false);
    }
  }

  /** The shared callback-less ref, if the object has one (always at the head). */
  private basicRef(target: PyObject): PyObject | undefined {
    const head = target.weakrefs[0];
    return head && !head.callback ? head : undefined;
  }
}
