/*
 * What the session's modules (gc, sys, weakref in modules.ts) may ask of the session they belong to.
 * An interface in a file of its own, so session.ts imports the modules and they need not import it.
 */
import type { ObjectProfile } from "../../profiles/object-profile.js";
import type { Pymalloc } from "../../pymalloc/pymalloc.js";
import type { Collector } from "../heap/collector.js";
import type { ObjectHeap } from "../heap/heap.js";
import type { PyObject } from "../layout/pyobject.js";

/** An expression operand: an object on the stack (or a handle to one), or a variable's name. */
export type Expr = PyObject | string;

export interface SessionAccess {
  readonly profile: ObjectProfile;
  readonly pm: Pymalloc;
  readonly heap: ObjectHeap;
  readonly collector: Collector;
  /** The object an operand denotes, without touching its count. */
  peek(e: Expr): PyObject;
  /** Ends the current statement: stack references nobody consumed are dropped. */
  endStatement(): void;
  /** Is `name` a local of a running function (3.14 borrows those on load)? */
  isFunctionLocal(name: string): boolean;
  /** Does the current statement's stack hold a reference to `o`? */
  onStack(o: PyObject): boolean;
  /** Puts a function's result (a new reference) on the stack. */
  pushResult(o: PyObject): PyObject;
  /** An owned reference to an argument (moved from the stack, or a new one). */
  takeRef(e: Expr): PyObject;
}
