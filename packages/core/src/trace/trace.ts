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

/** What readTrace found: the operations up to the first bad line, and that line's error if any. */
export interface TraceReading {
  readonly ops: TraceOp[];
  /** The line (from 1) of each operation, for messages about a later step. */
  readonly lines: number[];
  readonly error?: TraceSyntaxError;
}

/** Parses trace text; throws TraceSyntaxError naming the first bad line. */
export function parseTrace(text: string): TraceOp[] {
  const { ops, error } = readTrace(text);
  if (error) throw error;
  return ops;
}

/**
 * Parses trace text as far as it is valid, as a reader that goes line by line (the native harness)
 * does: the operations before the first bad line, with their line numbers, and that line's error.
 */
export function readTrace(text: string): TraceReading {
  const ops: TraceOp[] = [];
  const numbers: number[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [op, ...args] = line.split(/\s+/);
    const fail = (reason: string): never => {
      throw new TraceSyntaxError(i + 1, raw, reason);
    };
    try {
      ops.push(parseOp(op as string, args, fail));
    } catch (e) {
      if (!(e instanceof TraceSyntaxError)) throw e;
      return { ops, lines: numbers, error: e };
    }
    numbers.push(i + 1);
  }
  return { ops, lines: numbers };
}

/** One operation from its name and arguments; `fail` throws the line's TraceSyntaxError. */
function parseOp(op: string, args: readonly string[], fail: (reason: string) => never): TraceOp {
  const nums = args.map((a) => (NUMBER.test(a) ? Number(a) : fail(`"${a}" is not a non-negative integer`)));
  const arity = { a: 2, c: 3, r: 2, f: 1, s: 0, n: 0 }[op];
  if (arity === undefined) fail(`unknown operation "${op}" (expected a, c, r, f, s, n or #)`);
  if (nums.length !== arity)
    fail(`"${op}" takes ${arity} number${arity === 1 ? "" : "s"}, got ${nums.length}`);
  if (nums.some((n) => !Number.isSafeInteger(n))) fail("number too large");
  const [x, y, z] = nums as [number, number, number];
  if (op === "a") return { op, id: x, size: y };
  if (op === "c") return { op, id: x, count: y, size: z };
  if (op === "r") return { op, id: x, size: y };
  if (op === "f") return { op, id: x };
  return op === "s" ? { op: "s" } : { op: "n" };
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
