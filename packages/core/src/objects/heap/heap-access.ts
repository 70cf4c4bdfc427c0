/*
 * What the heap's helpers (dicts.ts, sets.ts, weakrefs.ts) and the cycle collector may ask of the heap. An
 * interface in a file of its own, so heap.ts imports them and they need not import heap.ts back.
 */
import type { ObjectProfile } from "../../profiles/object-profile.js";
import type { Pymalloc } from "../../pymalloc/pymalloc.js";
import type { RuntimeObjects } from "../allocators/runtime-objects.js";
import type { Kind, PyObject } from "../layout/pyobject.js";
import type { ObjectSize } from "../layout/sizes.js";

/** What the heap asks of the cycle collector. */
export interface GcHooks {
  /** A container was allocated fresh (not from a free list): gen-0 count + 1, maybe a collection. */
  allocated(o: PyObject): void;
  track(o: PyObject): void;
  untrack(o: PyObject): void;
  /** A container's memory went back to the allocator: gen-0 count - 1. */
  released(): void;
}

/** The heap as dict tables and weak references see it. */
export interface HeapAccess {
  readonly profile: ObjectProfile;
  readonly pm: Pymalloc;
  readonly runtime: RuntimeObjects;
  incref(o: PyObject): PyObject;
  decref(o: PyObject): void;
  /** A tuple of `items` (steals their references). */
  tuple(items: PyObject[]): PyObject;
  /** Hands a container to the cycle collector (generation 0). */
  track(o: PyObject): void;
  /** PyObject_Malloc / PyObject_GC_New of an object, never from a free list. */
  allocateObject(kind: Kind, size: ObjectSize, container: boolean): PyObject;
  /** A set or frozenset object from 2.7's set free list, or fresh memory. */
  allocateSet(kind: "set" | "frozenset", size: ObjectSize): PyObject;
  /** A dict object from the dict free list, or fresh memory when the list is empty. */
  allocateDict(size: ObjectSize): PyObject;
  /** CPython may have placed memory where the model did not: a new stretch of placements begins. */
  placementUnknown(cause?: string): void;
  /** Calls a function object (a weakref callback) with arguments. */
  callFunction(fn: PyObject, args: PyObject[]): void;
}
