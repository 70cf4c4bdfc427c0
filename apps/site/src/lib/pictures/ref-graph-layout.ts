/*
 * Where each box of a reference graph goes: the names in column 0, the objects they reach breadth first
 * in the columns after (an object once, where it is first reached), then the objects asked for that no
 * name reaches, marked so, with what they reach. One layout for the build-time pictures (objects of a
 * model session, ref-graph.ts) and the playground's steps (objects of a trace, trace-graph.ts).
 */
import type { CountedObject, Graph, GraphNode } from "./ref-graph-svg.js";

export interface LayoutInput<O extends CountedObject> {
  /** The names to draw, in order, each with its object. */
  readonly names: readonly (readonly [string, O])[];
  /** The objects `o` refers to, in the order they are drawn. */
  readonly refs: (o: O) => readonly O[];
  readonly label: (o: O) => string;
  /** Objects to draw even when no name reaches them, after everything the names reach. */
  readonly also?: readonly O[];
  /** A deallocated object: drawn as such, and what it referred to is not followed. */
  readonly freed?: (o: O) => boolean;
  /** At most this many objects; names whose object would pass it are left out. */
  readonly limit: number;
}

export function layoutReferenceGraph<O extends CountedObject>(input: LayoutInput<O>): Graph<O> {
  const { limit, refs, label } = input;
  const freed = input.freed ?? (() => false);
  const nodes: GraphNode<O>[] = [];
  const edges: { from: number; to: number }[] = [];
  const keyOf = new Map<O, number>();
  const rows: number[] = [];
  const place = (column: number) => {
    rows[column] = (rows[column] ?? -1) + 1;
    return rows[column] as number;
  };
  let unreachable = false;
  const visit = (o: O, column: number): number => {
    const known = keyOf.get(o);
    if (known !== undefined) return known;
    const key = nodes.length;
    keyOf.set(o, key);
    nodes.push({
      key,
      label: label(o),
      column,
      row: place(column),
      object: o,
      ...(unreachable ? { unreachable } : {}),
      ...(freed(o) ? { freed: true } : {}),
    });
    return key;
  };
  /** Breadth first from `start`, whose objects are placed already. */
  const walk = (start: O[], column: number) => {
    let frontier = start;
    for (let c = column; frontier.length > 0 && keyOf.size < limit; c++) {
      const next: O[] = [];
      for (const o of frontier) {
        if (freed(o)) continue;
        for (const r of refs(o)) {
          if (keyOf.size >= limit && !keyOf.has(r)) continue;
          const isNew = !keyOf.has(r);
          edges.push({ from: keyOf.get(o) as number, to: visit(r, c) });
          if (isNew) next.push(r);
        }
      }
      frontier = next;
    }
  };
  const frontier: O[] = [];
  for (const [name, o] of input.names) {
    if (keyOf.size >= limit && !keyOf.has(o)) continue;
    const key = nodes.length;
    nodes.push({ key, label: name, column: 0, row: place(0) });
    const isNew = !keyOf.has(o);
    edges.push({ from: key, to: visit(o, 1) });
    if (isNew) frontier.push(o);
  }
  walk(frontier, 2);
  unreachable = true;
  const others = (input.also ?? []).filter((o) => !keyOf.has(o)).slice(0, Math.max(0, limit - keyOf.size));
  for (const o of others) visit(o, 1);
  walk(others, 2);
  return { nodes, edges };
}
