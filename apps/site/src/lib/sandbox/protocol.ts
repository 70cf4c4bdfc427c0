// The messages between the page and the spec runner's worker, and the page's check of every message
// that comes back. The worker runs the reader's code (a spec, perhaps from a stranger's link), which can
// replace anything in the worker, postMessage included: whatever arrives is untrusted data. The page
// accepts only these shapes, within these sizes, and puts none of it into the page as HTML.
import type { ArenaState } from "../pictures/arena-map.js";
import type { ConsoleLine, SpecRunResult } from "../shim/spec-runner.js";
import type { TestError, TestOutcome, TestStatus } from "../shim/vitest-shim.js";

/**
 * Page → worker, first: get ready, warming the code up on `warmUp` (a claim's own spec, from the page,
 * never the reader's) so that the run that follows does not pay for a cold engine. The worker answers
 * "ready".
 */
export interface PrepareRequest {
  readonly kind: "prepare";
  readonly warmUp?: { readonly path: string; readonly source: string };
}

/** Page → worker, second: run this spec (one run per sandbox; the next run gets a fresh one). */
export interface RunRequest {
  readonly kind: "run";
  readonly path: string;
  readonly source: string;
}

/** A heap a test left, as data: the page draws it (lib/pictures/spec-heaps.ts renderHeapPicture). */
export interface HeapPicture {
  /** The test that left this heap: describe names, then its own. */
  readonly testPath: readonly string[];
  /** The allocator's profile id, e.g. "3.11"; the page looks it up and refuses unknown ones. */
  readonly profileId: string;
  /** Arenas mapped when the test ended; `map` holds the first of them (MAX_ARENAS at most). */
  readonly arenas: number;
  readonly map: readonly ArenaState[];
}

/** Worker → page. */
export type RunnerMessage =
  | { readonly kind: "ready" }
  | { readonly kind: "test-started"; readonly path: readonly string[] }
  | {
      readonly kind: "done";
      readonly result: SpecRunResult;
      readonly heaps: readonly HeapPicture[];
      /** The runner left text out to fit the page's budget (fitOutput). */
      readonly cut?: boolean;
    };

/**
 * Sizes past which a message is refused. Generous for any spec (the claim specs stay far below), small
 * enough that the page never lays out megabytes of text. The worker cuts its console output to fit
 * (CONSOLE_LINES, CONSOLE_LINE_CHARS) before sending.
 */
export const LIMITS = {
  pathParts: 32,
  name: 2_000,
  tests: 5_000,
  message: 50_000,
  stack: 50_000,
  consoleLines: 1_000,
  consoleLineChars: 10_000,
  pictures: 8,
  arenas: 64,
  pools: 1_024,
  slot: 1 << 24,
  szidx: 255,
  blocksInUse: 1 << 16,
  profileId: 40,
  arenasMapped: 1 << 24,
} as const;

const TEST_STATUSES: readonly TestStatus[] = ["pass", "fail", "skip", "todo"];
const CONSOLE_LEVELS: readonly ConsoleLine["level"][] = ["log", "info", "warn", "error", "debug"];

/** Thrown inside the checks; caught by readRunnerMessage. */
class Refused extends Error {}

const record = (x: unknown): Record<string, unknown> => {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new Refused("not an object");
  return x as Record<string, unknown>;
};
const text = (x: unknown, max: number): string => {
  if (typeof x !== "string" || x.length > max) throw new Refused("not a short string");
  return x;
};
const integer = (x: unknown, min: number, max: number): number => {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max)
    throw new Refused("not an integer");
  return x;
};
const finite = (x: unknown): number => {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Refused("not a number");
  return x;
};
const flag = (x: unknown): boolean => {
  if (typeof x !== "boolean") throw new Refused("not a boolean");
  return x;
};
const list = <T>(x: unknown, max: number, item: (y: unknown) => T): T[] => {
  if (!Array.isArray(x) || x.length > max) throw new Refused("not a short array");
  return x.map(item);
};
const oneOf = <T extends string>(x: unknown, allowed: readonly T[]): T => {
  if (!allowed.includes(x as T)) throw new Refused("not an allowed value");
  return x as T;
};

const testPath = (x: unknown) => list(x, LIMITS.pathParts, (s) => text(s, LIMITS.name));

function testError(x: unknown): TestError {
  const e = record(x);
  const name = text(e.name, LIMITS.name);
  const message = text(e.message, LIMITS.message);
  return e.stack === undefined ? { name, message } : { name, message, stack: text(e.stack, LIMITS.stack) };
}

function testOutcome(x: unknown): TestOutcome {
  const t = record(x);
  const outcome = {
    path: testPath(t.path),
    status: oneOf(t.status, TEST_STATUSES),
    durationMs: finite(t.durationMs),
  };
  return t.error === undefined ? outcome : { ...outcome, error: testError(t.error) };
}

function runResult(x: unknown): SpecRunResult {
  const r = record(x);
  const result = {
    tests: list(r.tests, LIMITS.tests, testOutcome),
    console: list(r.console, LIMITS.consoleLines, (y): ConsoleLine => {
      const line = record(y);
      return { level: oneOf(line.level, CONSOLE_LEVELS), text: text(line.text, LIMITS.consoleLineChars) };
    }),
    durationMs: finite(r.durationMs),
  };
  return r.loadError === undefined ? result : { ...result, loadError: testError(r.loadError) };
}

function arena(x: unknown): ArenaState {
  const a = record(x);
  return {
    slot: integer(a.slot, 0, LIMITS.slot),
    released: flag(a.released),
    pools: list(a.pools, LIMITS.pools, (y) => {
      const p = record(y);
      return {
        szidx: integer(p.szidx, -1, LIMITS.szidx),
        used: integer(p.used, 0, LIMITS.blocksInUse),
        touched: flag(p.touched),
      };
    }),
  };
}

function heapPicture(x: unknown): HeapPicture {
  const h = record(x);
  return {
    testPath: testPath(h.testPath),
    profileId: text(h.profileId, LIMITS.profileId),
    arenas: integer(h.arenas, 0, LIMITS.arenasMapped),
    map: list(h.map, LIMITS.arenas, arena),
  };
}

/**
 * The message as the page may use it, rebuilt from the fields it knows (nothing else is carried over),
 * or undefined when it is not one of the shapes above within the limits.
 */
export function readRunnerMessage(data: unknown): RunnerMessage | undefined {
  try {
    const m = record(data);
    switch (m.kind) {
      case "ready":
        return { kind: "ready" };
      case "test-started":
        return { kind: "test-started", path: testPath(m.path) };
      case "done": {
        const done = {
          kind: "done",
          result: runResult(m.result),
          heaps: list(m.heaps, LIMITS.pictures, heapPicture),
        } as const;
        return m.cut === undefined ? done : { ...done, cut: flag(m.cut) };
      }
      default:
        return undefined;
    }
  } catch (e) {
    if (e instanceof Refused) return undefined;
    throw e;
  }
}

/** `s` cut to `max` characters, saying how much was left out. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const note = ` … (${s.length - max} more characters)`;
  return s.slice(0, max - note.length) + note;
}

function fitError(e: TestError): TestError {
  const name = cut(e.name, LIMITS.name);
  const message = cut(e.message, LIMITS.message);
  return e.stack === undefined ? { name, message } : { name, message, stack: cut(e.stack, LIMITS.stack) };
}

/** A test's path cut to the limits. */
export const fitPath = (path: readonly string[]): string[] =>
  path.slice(0, LIMITS.pathParts).map((s) => cut(s, LIMITS.name));

/**
 * The worker's side of the limits: a result cut to fit them (long console output, long names), so that
 * a legitimate spec that prints a lot still gets its results shown. The page checks them all the same.
 */
export function fitRunResult(result: SpecRunResult): SpecRunResult {
  const lines = result.console;
  const console: ConsoleLine[] = lines
    .slice(0, LIMITS.consoleLines)
    .map((l) => ({ level: l.level, text: cut(l.text, LIMITS.consoleLineChars) }));
  if (lines.length > LIMITS.consoleLines)
    console[console.length - 1] = {
      level: "warn",
      text: `… ${lines.length - LIMITS.consoleLines + 1} more lines of console output not shown`,
    };
  const fitted = {
    tests: result.tests.slice(0, LIMITS.tests).map((t) => {
      const outcome = { path: fitPath(t.path), status: t.status, durationMs: t.durationMs };
      return t.error === undefined ? outcome : { ...outcome, error: fitError(t.error) };
    }),
    console,
    durationMs: result.durationMs,
  };
  return result.loadError === undefined ? fitted : { ...fitted, loadError: fitError(result.loadError) };
}

/** Characters of an error as the page holds it: the stack too, which finds the spec's line. */
const errorChars = (e: TestError): number => e.name.length + e.message.length + (e.stack?.length ?? 0);
const pathChars = (path: readonly string[]): number => path.reduce((n, s) => n + s.length, 0);

/**
 * `result` within `maxChars` characters of text in all (SPEC_OUTPUT_LIMIT_CHARS): the load error, then
 * the failed tests, then the others, then the console, in the order the page shows them, until the
 * budget runs out. Past it a test keeps its status, so that the summary still counts it, but neither
 * its path (an empty path: not listed) nor its error; a string that only partly fits is cut with "…";
 * console lines past it are dropped. `cut` says whether anything was left out. Each field's own cap
 * (LIMITS) holds a message's parts; this holds their sum, which 5,000 failures of 10 KB each made 50 MB.
 */
export function fitOutput(result: SpecRunResult, maxChars: number): { result: SpecRunResult; cut: boolean } {
  let left = maxChars;
  let cut = false;
  /** `s` if it fits; else what fits of it, marked, and the budget is spent. */
  const take = (s: string): string => {
    if (s.length <= left) {
      left -= s.length;
      return s;
    }
    cut = true;
    const part = left > 1 ? `${s.slice(0, left - 1)}…` : "";
    left = 0;
    return part;
  };
  const fitErr = (e: TestError): TestError => {
    const name = take(e.name);
    const message = take(e.message);
    // A stack that does not fit whole is dropped: only a whole one is read (for the spec's line).
    if (e.stack === undefined || e.stack.length > left) {
      if (e.stack !== undefined) cut = true;
      return { name, message };
    }
    left -= e.stack.length;
    return { name, message, stack: e.stack };
  };
  const fitTest = (t: TestOutcome): TestOutcome => {
    const chars = pathChars(t.path) + (t.error ? errorChars(t.error) : 0);
    if (chars <= left) {
      left -= chars;
      return t;
    }
    if (left === 0 || pathChars(t.path) > left) {
      cut = true;
      left = 0;
      return { path: [], status: t.status, durationMs: t.durationMs };
    }
    left -= pathChars(t.path);
    return t.error ? { ...t, error: fitErr(t.error) } : t;
  };
  const loadError = result.loadError && fitErr(result.loadError);
  const tests: TestOutcome[] = [...result.tests];
  for (const failing of [true, false])
    tests.forEach((t, i) => {
      if ((t.status === "fail") === failing) tests[i] = fitTest(t);
    });
  const console: ConsoleLine[] = [];
  for (const line of result.console) {
    if (left === 0) {
      cut = true;
      break;
    }
    console.push({ level: line.level, text: take(line.text) });
  }
  const fitted = { tests, console, durationMs: result.durationMs };
  return { result: loadError === undefined ? fitted : { ...fitted, loadError }, cut };
}
