/*
 * The trace language shared by `pymem replay`, the native pymalloc harness and the differential
 * tests. One operation a line; IDs name pointers (like C variables):
 *
 *   a ID SIZE      p[ID] = PyObject_Malloc(SIZE)
 *   c ID N SIZE    p[ID] = PyObject_Calloc(N, SIZE)
 *   r ID SIZE      p[ID] = PyObject_Realloc(p[ID], SIZE)     (p[ID] is NULL when ID is not live)
 *   f ID           PyObject_Free(p[ID])
 *   s              print the _PyObject_DebugMallocStats text
 *   n              print sys.getallocatedblocks() (_Py_GetAllocatedBlocks; 3.4+)
 *   # ...          comment; blank lines are ignored
 */
import { ModelError } from "../errors.js";

export type TraceOp =
  | { readonly op: "a"; readonly id: number; readonly size: number }
  | { readonly op: "c"; readonly id: number; readonly count: number; readonly size: number }
  | { readonly op: "r"; readonly id: number; readonly size: number }
  | { readonly op: "f"; readonly id: number }
  | { readonly op: "s" }
  | { readonly op: "n" };

/** A line of a trace that is not valid; `line` counts from 1. */
export class TraceSyntaxError extends ModelError {
  override name = "TraceSyntaxError";
  constructor(
    readonly line: number,
    readonly text: string,
    reason: string,
  ) {
    super(`line ${line}: ${reason}: ${JSON.stringify(text)}`);
  }
}

const NUMBER = /^(0|[1-9][0-9]*)$/;

/**
 * Parses trace text; throws TraceSyntaxError naming the first bad line. When `lineNumbers` is given,
 * it receives the line (from 1) of each operation, in order, for messages about a later step.
 */
export function parseTrace(text: string, lineNumbers?: number[]): TraceOp[] {
  const ops: TraceOp[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [op, ...args] = line.split(/\s+/);
    const fail = (reason: string): never => {
      throw new TraceSyntaxError(i + 1, raw, reason);
    };
    const nums = args.map((a) => (NUMBER.test(a) ? Number(a) : fail(`"${a}" is not a non-negative integer`)));
    const arity = { a: 2, c: 3, r: 2, f: 1, s: 0, n: 0 }[op as string];
    if (arity === undefined) fail(`unknown operation "${op}" (expected a, c, r, f, s, n or #)`);
    if (nums.length !== arity)
      fail(`"${op}" takes ${arity} number${arity === 1 ? "" : "s"}, got ${nums.length}`);
    if (nums.some((n) => !Number.isSafeInteger(n))) fail("number too large");
    const [x, y, z] = nums as [number, number, number];
    if (op === "a") ops.push({ op, id: x, size: y });
    else if (op === "c") ops.push({ op, id: x, count: y, size: z });
    else if (op === "r") ops.push({ op, id: x, size: y });
    else if (op === "f") ops.push({ op, id: x });
    else if (op === "s") ops.push({ op: "s" });
    else ops.push({ op: "n" });
    lineNumbers?.push(i + 1);
  }
  return ops;
}

/** The trace text of one operation, without the newline. */
export function formatOp(o: TraceOp): string {
  if (o.op === "a" || o.op === "r") return `${o.op} ${o.id} ${o.size}`;
  if (o.op === "c") return `c ${o.id} ${o.count} ${o.size}`;
  if (o.op === "f") return `f ${o.id}`;
  return o.op;
}

/** The trace text of a list of operations (parseTrace's inverse). */
export function formatTrace(ops: readonly TraceOp[]): string {
  return ops.map((o) => `${formatOp(o)}\n`).join("");
}
