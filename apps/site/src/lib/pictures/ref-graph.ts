/*
 * A reference graph drawn from a model session (@pymem/core's python()): the names of the module scope,
 * the objects they reach (through each object's referents, as the cycle collector walks them) and each
 * object's reference count as the model keeps it. Rendered as an SVG at build time.
 */
import { type PyObject, type PythonSession, repr } from "@pymem/core";

export interface GraphNode {
  readonly key: number;
  readonly label: string;
  /** 0: a name; 1, 2, …: objects, by distance from the names. */
  readonly column: number;
  readonly row: number;
  readonly object?: PyObject;
}

export interface Graph {
  readonly nodes: GraphNode[];
  readonly edges: { from: number; to: number }[];
}

/** The names and up to `limit` objects they reach, breadth first. */
export function referenceGraph(py: PythonSession, limit = 12): Graph {
  const nodes: GraphNode[] = [];
  const edges: { from: number; to: number }[] = [];
  const keyOf = new Map<PyObject, number>();
  const rows: number[] = [];
  const place = (column: number) => {
    rows[column] = (rows[column] ?? -1) + 1;
    return rows[column] as number;
  };
  const visit = (o: PyObject, column: number): number => {
    const known = keyOf.get(o);
    if (known !== undefined) return known;
    const key = nodes.length;
    keyOf.set(o, key);
    nodes.push({ key, label: repr(o, py.profile), column, row: place(column), object: o });
    return key;
  };
  let frontier: PyObject[] = [];
  for (const name of py.names()) {
    const key = nodes.length;
    nodes.push({ key, label: name, column: 0, row: place(0) });
    const o = py.peek(name);
    const isNew = !keyOf.has(o);
    edges.push({ from: key, to: visit(o, 1) });
    if (isNew) frontier.push(o);
  }
  for (let column = 2; frontier.length > 0 && keyOf.size < limit; column++) {
    const next: PyObject[] = [];
    for (const o of frontier) {
      for (const r of o.referents()) {
        if (keyOf.size >= limit && !keyOf.has(r)) break;
        const isNew = !keyOf.has(r);
        edges.push({ from: keyOf.get(o) as number, to: visit(r, column) });
        if (isNew) next.push(r);
      }
    }
    frontier = next;
  }
  return { nodes, edges };
}

export interface GraphText {
  readonly title: string;
  readonly description: string;
  /** The count line of an object: "count 2", "immortal", … */
  readonly count: (o: PyObject) => string;
}

const W = 150;
const H = 40;
const COL = 200;
const ROWH = 52;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderReferenceGraph(graph: Graph, text: GraphText, id: string): string {
  const at = (n: GraphNode) => ({ x: 10 + n.column * COL, y: 10 + n.row * ROWH });
  const width = 20 + (Math.max(...graph.nodes.map((n) => n.column)) + 1) * COL;
  const height = 20 + (Math.max(...graph.nodes.map((n) => n.row)) + 1) * ROWH;
  const boxes = graph.nodes.map((n) => {
    const { x, y } = at(n);
    const label = n.label.length > 20 ? `${n.label.slice(0, 19)}…` : n.label;
    if (!n.object) {
      return `<g class="ref-name"><rect x="${x}" y="${y + 8}" width="${W - 60}" height="24" rx="12"/><text x="${x + 12}" y="${y + 25}">${esc(label)}</text></g>`;
    }
    const kind = n.object.lifetime === "heap" ? "ref-heap" : "ref-shared";
    return `<g class="ref-object ${kind}"><rect x="${x}" y="${y}" width="${W}" height="${H}" rx="4"/><text x="${x + 8}" y="${y + 16}">${esc(label)}</text><text x="${x + 8}" y="${y + 32}" class="ref-count">${esc(text.count(n.object))}</text></g>`;
  });
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const arrows = graph.edges.map((e) => {
    const a = at(byKey.get(e.from) as GraphNode);
    const b = at(byKey.get(e.to) as GraphNode);
    const fromName = !(byKey.get(e.from) as GraphNode).object;
    const x1 = a.x + (fromName ? W - 60 : W);
    const y1 = a.y + 20;
    return `<line x1="${x1}" y1="${y1}" x2="${b.x - 4}" y2="${b.y + 20}" class="ref-edge" marker-end="url(#${id}-arrow)"/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="ref-graph">` +
    `<title id="${id}-t">${esc(text.title)}</title><desc id="${id}-d">${esc(text.description)}</desc>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" class="ref-arrow"/></marker></defs>` +
    arrows.join("") +
    boxes.join("") +
    "</svg>"
  );
}
