/*
 * A reference graph as SVG: names, the objects they reach, each object's count and what the count
 * means. Drawn from a model session at build time (ref-graph.ts) or from a trace step of the reader's
 * program in the page (trace-graph.ts); no runtime import, so the page's playground can load it alone.
 */
import type { Lifetime, PyObject } from "@pymem/core";

/** What a box needs of an object: its count and what the count means (a PyObject, or a traced object). */
export interface CountedObject {
  readonly lifetime: Lifetime;
  readonly refcnt: number;
}

export interface GraphNode<O extends CountedObject = PyObject> {
  readonly key: number;
  readonly label: string;
  /** 0: a name; 1, 2, …: objects, by distance from the names. */
  readonly column: number;
  readonly row: number;
  readonly object?: O;
  /** An object no name reaches (drawn because GraphOptions.also asked for it, or reached from one). */
  readonly unreachable?: boolean;
  /** The object was deallocated when the graph was taken. */
  readonly freed?: boolean;
}

export interface Graph<O extends CountedObject = PyObject> {
  readonly nodes: GraphNode<O>[];
  readonly edges: { from: number; to: number }[];
}

export interface GraphText<O extends CountedObject = PyObject> {
  readonly title: string;
  readonly description: string;
  /** The count line of an object: "count 2", "immortal", … */
  readonly count: (o: O) => string;
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

export function renderReferenceGraph<O extends CountedObject>(
  graph: Graph<O>,
  text: GraphText<O>,
  id: string,
  bounds?: GraphBounds,
): string {
  const at = (n: GraphNode<O>) => ({ x: 10 + n.column * COL, y: 10 + n.row * ROWH });
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
    const from = byKey.get(e.from) as GraphNode<O>;
    const to = byKey.get(e.to) as GraphNode<O>;
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
export function countLabel(o: CountedObject, en: boolean): string {
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
