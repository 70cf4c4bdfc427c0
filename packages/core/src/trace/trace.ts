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
 *
 * Separators are spaces and tabs (and \r, \v, \f), as the native harness reads them; a line ends
 * at \n. A byte order mark may open the trace, nowhere else.
 */
import { ModelError, quote } from "../errors.js";

export type TraceOp =
  | { readonly op: "a"; readonly id: number; readonly size: number }
  | { readonly op: "c"; readonly id: number; readonly count: number; readonly size: number }
  | { readonly op: "r"; readonly id: number; readonly size: number }
  | { readonly op: "f"; readonly id: number }
  | { readonly op: "s" }
  | { readonly op: "n" };

/** A line of a trace that is not valid; `line` counts from 1, `text` is the line (or its start). */
export class TraceSyntaxError extends ModelError {
  override name = "TraceSyntaxError";
  constructor(
    readonly line: number,
    readonly text: string,
    reason: string,
    /** The line's length in characters, when `text` is only its start. */
    length = text.length,
  ) {
    super(`line ${line}: ${reason}: ${quote(text, length)}`);
  }
}

/**
 * The longest line a reader keeps (characters). An operation takes a few dozen; a longer line is
 * counted, not stored, so a reader's memory stays bounded: ignored if it is a comment, else an error.
 */
export const TRACE_LINE_LIMIT = 4096;

const NUMBER = /^(0|[1-9][0-9]*)$/;
/** The separators of the grammar: the native harness's sscanf(" %c %llu") skips C's isspace(), no more. */
const SEPARATORS = /[ \t\r\v\f]+/;
const isSeparator = (c: number) => c === 32 || (c >= 9 && c <= 13 && c !== 10);
const BOM = 0xfeff;
const HASH = 35;

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
  const lines: number[] = [];
  const each = (op: TraceOp, line: number) => {
    ops.push(op);
    lines.push(line);
  };
  const reader = new TraceReader();
  try {
    reader.read(text, each);
    reader.end(each);
  } catch (e) {
    if (!(e instanceof TraceSyntaxError)) throw e;
    return { ops, lines, error: e };
  }
  return { ops, lines };
}

/**
 * Reads a trace from pieces of text cut anywhere (chunks of a stream), in bounded memory: each
 * operation goes to `each` with its line as soon as its line is complete. A byte order mark is
 * skipped at the very start only. The first bad line throws its TraceSyntaxError.
 */
export class TraceReader {
  /** Lines completed so far. */
  private lineCount = 0;
  /** The unfinished line: its first TRACE_LINE_LIMIT characters, and its whole length. */
  private partial = "";
  private partialLength = 0;
  private started = false;
  /** The bad line's error, once one is found: the reader goes no further (it throws it again). */
  private failure: TraceSyntaxError | undefined;

  /** Reads a piece of the trace; `each` gets every operation of the lines it completes. */
  read(chunk: string, each: (op: TraceOp, line: number) => void): void {
    if (this.failure) throw this.failure;
    let from = 0;
    if (!this.started && chunk !== "") {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) from = 1;
    }
    for (;;) {
      const newline = chunk.indexOf("\n", from);
      if (newline === -1) {
        this.keep(chunk, from, chunk.length);
        return;
      }
      let line: string;
      let length: number;
      if (this.partialLength === 0) {
        length = newline - from;
        line = chunk.slice(from, from + Math.min(length, TRACE_LINE_LIMIT));
      } else {
        this.keep(chunk, from, newline);
        line = this.partial;
        length = this.partialLength;
        this.partial = "";
        this.partialLength = 0;
      }
      this.lineCount++;
      const op = this.parse(line, length);
      if (op !== undefined) each(op, this.lineCount);
      from = newline + 1;
    }
  }

  /** The end of the trace: its last line, if that has no newline. */
  end(each: (op: TraceOp, line: number) => void): void {
    if (this.failure) throw this.failure;
    if (this.partialLength === 0) return;
    const [line, length] = [this.partial, this.partialLength];
    this.partial = "";
    this.partialLength = 0;
    this.lineCount++;
    const op = this.parse(line, length);
    if (op !== undefined) each(op, this.lineCount);
  }

  private parse(line: string, length: number): TraceOp | undefined {
    try {
      return parseLine(line, length, this.lineCount);
    } catch (e) {
      if (e instanceof TraceSyntaxError) this.failure = e;
      throw e;
    }
  }

  private keep(chunk: string, from: number, to: number): void {
    const room = TRACE_LINE_LIMIT - this.partial.length;
    if (room > 0) this.partial += chunk.slice(from, Math.min(to, from + room));
    this.partialLength += to - from;
  }
}

/**
 * One line's operation, or undefined for a blank line or a comment. `text` is the line, or its first
 * TRACE_LINE_LIMIT characters when it is `length` long.
 */
function parseLine(text: string, length: number, line: number): TraceOp | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isSeparator(text.charCodeAt(start))) start++;
  if (start === end && length === text.length) return undefined;
  if (text.charCodeAt(start) === HASH) return undefined;
  const fail = (reason: string): never => {
    throw new TraceSyntaxError(line, text, reason, length);
  };
  if (length > TRACE_LINE_LIMIT) fail(`longer than ${TRACE_LINE_LIMIT} characters`);
  while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
  const [op, ...args] = text.slice(start, end).split(SEPARATORS);
  return parseOp(op as string, args, fail);
}

/** One operation from its name and arguments; `fail` throws the line's TraceSyntaxError. */
function parseOp(op: string, args: readonly string[], fail: (reason: string) => never): TraceOp {
  const nums = args.map((a) =>
    NUMBER.test(a) ? Number(a) : fail(`${quote(a)} is not a non-negative integer`),
  );
  const arity = { a: 2, c: 3, r: 2, f: 1, s: 0, n: 0 }[op];
  if (arity === undefined) fail(`unknown operation ${quote(op)} (expected a, c, r, f, s, n or #)`);
  if (nums.length !== arity)
    fail(`${quote(op)} takes ${arity} number${arity === 1 ? "" : "s"}, got ${nums.length}`);
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
