/*
 * The reference graph of one step of a trace of the reader's program (@pymem/python's TraceStep): the
 * names of the running scope (not those of imported modules), the objects they reach through each object's references, breadth first,
 * then the program's objects no name reaches (a cycle waiting for the collector, an object a frame or
 * an iterator holds). Browser-safe and free of runtime imports: the playground draws it in the page.
 */
import type { TracedObject, TraceStep } from "@pymem/python";
import { layoutReferenceGraph } from "./ref-graph-layout.js";
import type { Graph } from "./ref-graph-svg.js";

/** Up to `limit` objects, as the build-time pictures do (ref-graph.ts), so that a picture stays legible. */
export function traceGraph(step: TraceStep, limit = 12): Graph<TracedObject> {
  const byId = new Map<number, TracedObject>();
  for (const o of [...step.objects, ...step.shared]) byId.set(o.id, o);
  const names: (readonly [string, TracedObject])[] = [];
  for (const [name, id] of Object.entries(step.names)) {
    const o = byId.get(id);
    // an imported module (sys, gc) is the runtime's, and its box would say nothing about the program
    if (o && o.type !== "module") names.push([name, o]);
  }
  return layoutReferenceGraph<TracedObject>({
    names,
    refs: (o) => o.refs.flatMap((id) => byId.get(id) ?? []),
    label: (o) => o.repr,
    also: step.objects,
    limit,
  });
}
