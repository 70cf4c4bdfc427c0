/*
 * A running code unit: its names and its evaluation stack. Every stack entry holds a reference of
 * its own (CPython's stack owns what it holds) except a borrowed one (3.14+ LOAD_FAST_BORROW),
 * which is dropped without a decref.
 */
import type { ObjectHeap, PyObject } from "@pymem/core";
import type { CodeUnit } from "./code.js";

export class Frame {
  readonly stack: PyObject[] = [];
  readonly owned: boolean[] = [];
  /** 3.14+: fast locals holding a borrowed (uncounted) reference: a parameter passed from a borrowed load, or a copy of one */
  readonly borrowed = new Set<string>();
  line = 0;
  /** how many exception handlers (except bodies, finally on the way out) are running: 3.14 borrows no load there */
  handlers = 0;
  /** the running statement is reached only through a handler (blocks.ts, HANDLER_ONLY) */
  handlerOnly = false;

  constructor(
    readonly unit: CodeUnit,
    /** module globals, a class namespace, or a function's locals */
    readonly names: Map<string, PyObject>,
    /** the module's names (the same map for the module frame) */
    readonly globals: Map<string, PyObject>,
    readonly heap: ObjectHeap,
  ) {}

  push(o: PyObject, owned = true): void {
    this.stack.push(o);
    this.owned.push(owned);
  }

  /** Pops the top entry and returns an owned reference (a borrowed entry gets a new one). */
  popOwned(): PyObject {
    const o = this.stack.pop() as PyObject;
    if (!this.owned.pop()) this.heap.incref(o);
    return o;
  }

  /** Pops the top entry as it is: the object and whether the entry owned a reference. */
  pop(): [PyObject, boolean] {
    return [this.stack.pop() as PyObject, this.owned.pop() as boolean];
  }

  /** Pops the top entry and drops its reference. */
  drop(): void {
    const o = this.stack.pop() as PyObject;
    if (this.owned.pop()) this.heap.decref(o);
  }

  /** Drops entries until the stack has `depth` entries (after an exception). */
  unwind(depth: number): void {
    while (this.stack.length > depth) this.drop();
  }

  top(k = 0): PyObject {
    return this.stack[this.stack.length - 1 - k] as PyObject;
  }

  get depth(): number {
    return this.stack.length;
  }
}
