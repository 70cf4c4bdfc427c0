/*
 * What showing a container (PyObject_Repr, PyObject_Str) allocates besides its text, walked in the
 * order the reprs run (Objects/listobject.c list_repr, tupleobject.c tuple_repr, dictobject.c
 * dict_repr, setobject.c set_repr):
 *
 *   - Py_ReprEnter's list of the reprs under way, kept in the thread state's dict: the first
 *     container repr of a process makes them (4 blocks on native 3.11 – 3.13, 5 on Debian's
 *     3.14.10, measured 7 December 2026), memory the model does not place;
 *   - a set's keys, copied into a list (PySequence_List) whose repr is the set's, freed before the
 *     set's text is made (one block more than a list's repr on native 3.13 after gc.collect());
 *   - 3.14+: the PyUnicodeWriter a non-empty list's, tuple's or dict's repr writes through, from its
 *     free list of one (tracemalloc: 56 bytes kept on amd64, 36 on i386).
 */
import type { ObjectHeap, PyObject } from "@pymem/core";

/** What the walk needs from the builtins. */
export interface ReprHost {
  readonly heap: ObjectHeap;
  /** A list of a set's keys, as PySequence_List makes it (a new reference). */
  listOfKeys(set: PyObject): PyObject;
  /** Memory the model does not place was taken (Builtins.unmodelledAllocation). */
  unmodelled(cause: string): void;
}

const CONTAINERS: ReadonlySet<string> = new Set(["list", "tuple", "dict", "set", "frozenset"]);

export class ReprEffects {
  /** has a container's repr run in this process (Py_ReprEnter's list exists)? */
  private entered = false;

  constructor(private readonly host: ReprHost) {}

  /** the containers whose repr is under way (Py_ReprEnter's list: one met again shows as [...]) */
  private readonly underWay = new Set<PyObject>();

  /** Allocates and frees what showing `o` does, nested reprs included; its text is made elsewhere. */
  show(o: PyObject): void {
    if (!CONTAINERS.has(o.kind) || this.underWay.has(o)) return;
    this.underWay.add(o);
    try {
      this.showContainer(o);
    } finally {
      this.underWay.delete(o);
    }
  }

  private showContainer(o: PyObject): void {
    if (!this.entered) {
      this.entered = true;
      this.host.unmodelled("the first repr of a container (Py_ReprEnter's list)");
    }
    const heap = this.host.heap;
    if (o.kind === "set" || o.kind === "frozenset") {
      if (heap.sets.len(o) === 0) return;
      const keys = this.host.listOfKeys(o);
      this.show(keys);
      heap.decref(keys);
      return;
    }
    const items =
      o.kind === "dict" ? o.dictKeys.flatMap((k, i) => [k, o.dictValues[i] as PyObject]) : o.items;
    if (items.length === 0) return;
    heap.withUnicodeWriter(() => {
      for (const item of items) this.show(item);
    });
  }
}
