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

export function traceStep(vm: Interpreter, frame: Frame, line: number, printed: string): TraceStep {
  const heap = vm.heap;
  const py2 = vm.rules.python2;
  const names: Record<string, number> = {};
  for (const [name, o] of frame.names) names[name] = o.address;
  const traced = new Map<PyObject, TracedObject>();
  const add = (o: PyObject) => {
    if (traced.has(o) || o.freed) return;
    traced.set(o, {
      id: o.address,
      type: vm.builtins.isModule(o) ? "module" : typeName(o, py2),
      refcnt: o.refcnt,
      repr: shown(o, heap, py2),
      lifetime: o.lifetime,
      refs: o.referents().map((r) => r.address),
    });
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
  return { line, names, objects, shared, allocatedBlocks: allocatedBlocks(heap.pm), freeLists, printed };
}
