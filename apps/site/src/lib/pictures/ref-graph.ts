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
  /** An object no name reaches (drawn because GraphOptions.also asked for it, or reached from one). */
  readonly unreachable?: boolean;
  /** The object was deallocated when the graph was taken. */
  readonly freed?: boolean;
}

export interface Graph {
  readonly nodes: GraphNode[];
  readonly edges: { from: number; to: number }[];
}

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

export interface GraphText {
  readonly title: string;
  readonly description: string;
  /** The count line of an object: "count 2", "immortal", … */
  readonly count: (o: PyObject) => string;
}

/** Columns and rows the picture makes room for, when several pictures must have one size. */
export interface GraphBounds {
  readonly columns: number;
  readonly rows: number;
}

const W = 150;
const H = 40;
const COL = 200;
const ROWH = 52;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderReferenceGraph(
  graph: Graph,
  text: GraphText,
  id: string,
  bounds?: GraphBounds,
): string {
  const at = (n: GraphNode) => ({ x: 10 + n.column * COL, y: 10 + n.row * ROWH });
  const columns = Math.max(bounds?.columns ?? 1, ...graph.nodes.map((n) => n.column + 1));
  const rows = Math.max(bounds?.rows ?? 1, ...graph.nodes.map((n) => n.row + 1));
  const width = 20 + columns * COL;
  const height = 20 + rows * ROWH;
  const boxes = graph.nodes.map((n) => {
    const { x, y } = at(n);
    const label = n.label.length > 20 ? `${n.label.slice(0, 19)}…` : n.label;
    if (!n.object) {
      return `<g class="ref-name"><rect x="${x}" y="${y + 8}" width="${W - 60}" height="24" rx="12"/><text x="${x + 12}" y="${y + 25}">${esc(label)}</text></g>`;
    }
    const kind = [
      n.object.lifetime === "heap" ? "ref-heap" : "ref-shared",
      ...(n.unreachable ? ["ref-unreachable"] : []),
      ...(n.freed ? ["ref-freed"] : []),
    ].join(" ");
    return `<g class="ref-object ${kind}"><rect x="${x}" y="${y}" width="${W}" height="${H}" rx="4"/><text x="${x + 8}" y="${y + 16}">${esc(label)}</text><text x="${x + 8}" y="${y + 32}" class="ref-count">${esc(text.count(n.object))}</text></g>`;
  });
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const arrows = graph.edges.map((e) => {
    const from = byKey.get(e.from) as GraphNode;
    const to = byKey.get(e.to) as GraphNode;
    const a = at(from);
    const b = at(to);
    const marker = `marker-end="url(#${id}-arrow)"`;
    if (to.column > from.column) {
      const x1 = a.x + (from.object ? W : W - 60);
      return `<line x1="${x1}" y1="${a.y + 20}" x2="${b.x - 4}" y2="${b.y + 20}" class="ref-edge" ${marker}/>`;
    }
    // An object referring back to its own column or an earlier one (a cycle): a curve around the
    // boxes' right side, one bulge for downward references and a wider one for upward ones.
    const down = to.row >= from.row;
    const bulge = down ? 22 : 40;
    const x1 = a.x + W;
    const y1 = a.y + (down ? 28 : 12);
    const x2 = b.x + W + 4;
    const y2 = b.y + (down ? 12 : 28);
    return `<path d="M${x1} ${y1} C${x1 + bulge} ${y1} ${x2 + bulge} ${y2} ${x2} ${y2}" class="ref-edge ref-back" ${marker}/>`;
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

/** What an object's count line says, in the page's language (see Lifetime in @pymem/core). */
export function countLabel(o: PyObject, en: boolean): string {
  switch (o.lifetime) {
    case "heap":
      return en ? `count ${o.refcnt}` : `计数 ${o.refcnt}`;
    case "immortal":
      return en ? "immortal: count fixed" : "永生：计数固定";
    case "static":
      return en ? "static: count ≥ 999,999,999" : "静态：计数 ≥ 999,999,999";
    default:
      return en ? "shared with the runtime" : "与运行时共享";
  }
}
