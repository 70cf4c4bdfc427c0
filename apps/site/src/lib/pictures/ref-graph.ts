/*
 * A reference graph drawn from a model session (@pymem/core's python()): the names of the module scope,
 * the objects they reach (through each object's referents, as the cycle collector walks them) and each
 * object's reference count as the model keeps it. Rendered as an SVG at build time.
 */
import { type PyObject, type PythonSession, repr } from "@pymem/core";
import { layoutReferenceGraph } from "./ref-graph-layout.js";
import type { Graph } from "./ref-graph-svg.js";

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
  const names = py
    .names()
    .map((name) => [name, py.peek(name)] as const)
    .filter(([name, o]) => !options.hideName?.(name, o));
  return layoutReferenceGraph<PyObject>({
    names,
    refs: (o) => o.referents(),
    label: options.label ?? ((o) => repr(o, py.profile)),
    ...(options.also ? { also: options.also } : {}),
    freed: (o) => o.freed,
    limit,
  });
}
