/*
 * The reference graph of one step of a trace of the reader's program (@pymem/python's TraceStep): the
 * names of the running scope (not those of imported modules), the objects they reach through each object's references, breadth first,
 * then the program's objects no name reaches (a cycle waiting for the collector, an object a frame or
 * an iterator holds). Browser-safe and free of runtime imports: the playground draws it in the page.
 */
import type { TracedObject, TraceStep } from "@pymem/python";
import type { Graph, GraphNode } from "./ref-graph-svg.js";

/** Up to `limit` objects, as the build-time pictures do (ref-graph.ts), so that a picture stays legible. */
export function traceGraph(step: TraceStep, limit = 12): Graph<TracedObject> {
  const byId = new Map<number, TracedObject>();
  for (const o of [...step.objects, ...step.shared]) byId.set(o.id, o);
  const nodes: GraphNode<TracedObject>[] = [];
  const edges: { from: number; to: number }[] = [];
  const keyOf = new Map<number, number>();
  const rows: number[] = [];
  const place = (column: number) => {
    rows[column] = (rows[column] ?? -1) + 1;
    return rows[column] as number;
  };
  let unreachable = false;
  const objectCount = () => keyOf.size;
  const visit = (o: TracedObject, column: number): number => {
    const known = keyOf.get(o.id);
    if (known !== undefined) return known;
    const key = nodes.length;
    keyOf.set(o.id, key);
    nodes.push({
      key,
      label: o.repr,
      column,
      row: place(column),
      object: o,
      ...(unreachable ? { unreachable } : {}),
    });
    return key;
  };
  const walk = (start: TracedObject[], column: number) => {
    let frontier = start;
    for (let c = column; frontier.length > 0 && objectCount() < limit; c++) {
      const next: TracedObject[] = [];
      for (const o of frontier)
        for (const id of o.refs) {
          const r = byId.get(id);
          if (!r || (objectCount() >= limit && !keyOf.has(id))) continue;
          const isNew = !keyOf.has(id);
          edges.push({ from: keyOf.get(o.id) as number, to: visit(r, c) });
          if (isNew) next.push(r);
        }
      frontier = next;
    }
  };
  const frontier: TracedObject[] = [];
  for (const [name, id] of Object.entries(step.names)) {
    const o = byId.get(id);
    // an imported module (sys, gc) is the runtime's, and its box would say nothing about the program
    if (!o || o.type === "module" || (objectCount() >= limit && !keyOf.has(id))) continue;
    const key = nodes.length;
    nodes.push({ key, label: name, column: 0, row: place(0) });
    const isNew = !keyOf.has(id);
    edges.push({ from: key, to: visit(o, 1) });
    if (isNew) frontier.push(o);
  }
  walk(frontier, 2);
  unreachable = true;
  const others = step.objects.filter((o) => !keyOf.has(o.id)).slice(0, Math.max(0, limit - objectCount()));
  for (const o of others) visit(o, 1);
  walk(others, 2);
  return { nodes, edges };
}
