/*
 * One step of a trace: the state after a statement, as RunResult.steps shows it.
 */
import { allocatedBlocks, type ObjectHeap, type PyObject, repr } from "@pymem/core";
import type { TracedObject, TraceStep } from "../api.js";
import type { Frame } from "./frame.js";
import type { Interpreter } from "./interpreter.js";
import { typeName } from "./values.js";

const REPR_LIMIT = 80;

/**
 * How a traced object reads: its repr as the model has it (addresses are the model's; a trace is the
 * model's view, not a prediction of output), or its type where the model has no repr for it.
 */
function shown(o: PyObject, heap: ObjectHeap, py2: boolean): string {
  try {
    return repr(o, heap.profile).slice(0, REPR_LIMIT);
  } catch {
    return `<${typeName(o, py2)} object>`;
  }
}

/**
 * What a run's steps share: a step is mostly what the step before it was (a loop changes one name and
 * one int), so every object snapshot, table (names, free lists) and list of objects that equals one
 * already recorded is that one. A trace of 100,000 steps then takes megabytes, not hundreds of them, and structured
 * cloning (a worker's message) keeps the sharing.
 */
export class TraceInterner {
  /** Each object's last snapshot: reused while the object reads the same. */
  private readonly snapshots = new WeakMap<PyObject, TracedObject>();
  private readonly tables = new Map<string, Readonly<Record<string, number>>>();
  private lastObjects: readonly TracedObject[] = [];
  private lastShared: readonly TracedObject[] = [];

  snapshot(object: PyObject, now: TracedObject): TracedObject {
    const last = this.snapshots.get(object);
    if (
      last !== undefined &&
      last.id === now.id &&
      last.refcnt === now.refcnt &&
      last.repr === now.repr &&
      last.type === now.type &&
      last.lifetime === now.lifetime &&
      last.refs.length === now.refs.length &&
      last.refs.every((r, k) => r === now.refs[k])
    )
      return last;
    this.snapshots.set(object, now);
    return now;
  }

  /** A step's names, or its free lists' lengths. */
  table(table: Record<string, number>): Readonly<Record<string, number>> {
    const key = JSON.stringify(table);
    const known = this.tables.get(key);
    if (known) return known;
    this.tables.set(key, table);
    return table;
  }

  /** The list itself when it holds the same snapshots as the last step's. */
  objects(list: TracedObject[], shared: boolean): readonly TracedObject[] {
    const last = shared ? this.lastShared : this.lastObjects;
    const same = last.length === list.length && last.every((o, k) => o === list[k]);
    const kept = same ? last : list;
    if (shared) this.lastShared = kept;
    else this.lastObjects = kept;
    return kept;
  }
}

export function traceStep(
  vm: Interpreter,
  frame: Frame,
  line: number,
  printed: string,
  interner: TraceInterner = new TraceInterner(),
): TraceStep {
  const heap = vm.heap;
  const py2 = vm.rules.python2;
  const names: Record<string, number> = {};
  for (const [name, o] of frame.names) names[name] = o.address;
  const traced = new Map<PyObject, TracedObject>();
  const add = (o: PyObject) => {
    if (traced.has(o) || o.freed) return;
    traced.set(
      o,
      interner.snapshot(o, {
        id: o.address,
        type: vm.builtins.isModule(o) ? "module" : typeName(o, py2),
        refcnt: o.refcnt,
        repr: shown(o, heap, py2),
        lifetime: o.lifetime,
        refs: o.referents().map((r) => r.address),
      }),
    );
  };
  for (const o of heap.live) add(o);
  const objects = [...traced.values()];
  // what the names and the program's objects refer to that the program did not make
  for (const o of frame.names.values()) add(o);
  for (const o of heap.live) for (const r of o.referents()) add(r);
  const shared = [...traced.values()].slice(objects.length);
  const lists = heap.freeLists;
  const freeLists: Record<string, number> = {};
  for (const [name, list] of [
    ["float", lists.float],
    ["int", lists.int],
    ["list", lists.list],
    ["dict", lists.dict],
  ] as const)
    if (list) freeLists[name] = "size" in list ? list.size : list.freeCount;
  lists.tuple.forEach((l, n) => {
    if (n > 0 && l.size > 0) freeLists[`tuple[${n}]`] = l.size;
  });
  return {
    line,
    names: interner.table(names),
    objects: interner.objects(objects, false),
    shared: interner.objects(shared, true),
    allocatedBlocks: allocatedBlocks(heap.pm),
    freeLists: interner.table(freeLists),
    printed,
  };
}
