/*
 * A reference graph drawn from a model session (@pymem/core's python()): the names of the module scope,
 * the objects they reach (through each object's referents, as the cycle collector walks them) and each
 * object's reference count as the model keeps it. Rendered as an SVG at build time.
 */
import { type PyObject, type PythonSession, repr } from "@pymem/core";
import type { Graph, GraphNode } from "./ref-graph-svg.js";

export interface GraphOptions {
  /**
   * Objects to draw even when no name reaches them (say, a cycle whose names were deleted, or an object
   * that was just freed), after everything the names reach; what they refer to is drawn as well.
   */
  readonly also?: readonly PyObject[];
  /** Names left out of the picture (say, the name of a class), with what only they reach. */
  readonly hideName?: (name: string, o: PyObject) => boolean;
  /** An object's label; repr() by default. */
  readonly label?: (o: PyObject) => string;
}

/** The names and up to `limit` objects they reach, breadth first. */
export function referenceGraph(py: PythonSession, limit = 12, options: GraphOptions = {}): Graph {
  const label = options.label ?? ((o: PyObject) => repr(o, py.profile));
  const nodes: GraphNode[] = [];
  const edges: { from: number; to: number }[] = [];
  const keyOf = new Map<PyObject, number>();
  const rows: number[] = [];
  const place = (column: number) => {
    rows[column] = (rows[column] ?? -1) + 1;
    return rows[column] as number;
  };
  let unreachable = false;
  const visit = (o: PyObject, column: number): number => {
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
      ...(o.freed ? { freed: true } : {}),
    });
    return key;
  };
  /** Breadth first from `start`, objects already placed in `column` - 1. */
  const walk = (start: PyObject[], column: number) => {
    let frontier = start;
    for (let c = column; frontier.length > 0 && keyOf.size < limit; c++) {
      const next: PyObject[] = [];
      for (const o of frontier) {
        if (o.freed) continue;
        for (const r of o.referents()) {
          if (keyOf.size >= limit && !keyOf.has(r)) break;
          const isNew = !keyOf.has(r);
          edges.push({ from: keyOf.get(o) as number, to: visit(r, c) });
          if (isNew) next.push(r);
        }
      }
      frontier = next;
    }
  };
  const frontier: PyObject[] = [];
  for (const name of py.names()) {
    const o = py.peek(name);
    if (options.hideName?.(name, o)) continue;
    const key = nodes.length;
    nodes.push({ key, label: name, column: 0, row: place(0) });
    const isNew = !keyOf.has(o);
    edges.push({ from: key, to: visit(o, 1) });
    if (isNew) frontier.push(o);
  }
  walk(frontier, 2);
  unreachable = true;
  const others = (options.also ?? []).filter((o) => !keyOf.has(o));
  for (const o of others) visit(o, 1);
  walk(others, 2);
  return { nodes, edges };
}
