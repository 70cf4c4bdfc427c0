/*
 * A claim's witness.py run on the model by @pymem/python. The interpreters run the same text
 * (recordings/), so the model's prediction of the witness output and the facts a spec judges come
 * from one program: nothing is restated by hand. Browser-safe (the site's spec runner uses it).
 */
import { type AllocatorProfile, withoutPointerSize } from "@pymem/core";
import { type RunResult, runPython, type TraceStep } from "@pymem/python";
import { WITNESS_SOURCES } from "./generated/witnesses.js";

/** The build a witness runs on: a version the core has a profile for, and its pointer size. */
export interface ModelBuild {
  /** "2.7", "3.12", "3.12.7": a micro version picks that release's rules. */
  readonly version: string;
  readonly pointerSize: 4 | 8;
  /**
   * false for a build without pymalloc. The only such build witnesses run on is Pyodide's (free-threaded
   * builds are not judged: witness-judging.ts), so it runs as sys.platform "emscripten".
   */
  readonly hasPymalloc?: boolean;
  /** A Py_DEBUG build (3.14+), whose debug hooks pad every request. */
  readonly debugBuild?: boolean;
}

/**
 * The build of a profile: "3.12-32bit" is 3.12 with 4-byte pointers, "3.6-pyenv" that variant,
 * "3.14-debug" 3.14's debug build.
 */
export function profileBuild(p: Pick<AllocatorProfile, "id" | "pointerSize" | "debugHookBytes">): ModelBuild {
  const debugBuild = p.debugHookBytes > 0;
  const version = withoutPointerSize(p.id).replace(/-debug$/, "");
  return { version, pointerSize: p.pointerSize, ...(debugBuild ? { debugBuild } : {}) };
}

/** A witness the model was asked to run that the claim does not have. */
export class NoWitnessError extends Error {
  override readonly name = "NoWitnessError";
}

/** The witness of claim `claimId` (includes spliced) as interpreters run it. */
export function witnessText(claimId: string): string {
  const text = WITNESS_SOURCES[claimId];
  if (text === undefined) throw new NoWitnessError(`${claimId} has no witness.py`);
  return text;
}

/**
 * Runs the witness of claim `claimId` on the model of `build`. A construct the model does not run
 * throws @pymem/python's UnsupportedError: a claim whose witness runs on the model never meets one
 * (test/witness-on-model.test.ts).
 */
export function witnessOnModel(
  claimId: string,
  build: ModelBuild,
  options: { trace?: boolean } = {},
): RunResult {
  return runPython(witnessText(claimId), {
    version: build.version,
    pointerSize: build.pointerSize,
    platform: build.hasPymalloc === false ? "emscripten" : "linux",
    ...(build.debugBuild ? { debugBuild: true } : {}),
    filename: "<stdin>", // interpreters read it from stdin
    ...(options.trace ? { trace: true } : {}),
  });
}

/**
 * What the witness printed after `label` on the one line of its output that starts with it, trimmed:
 * `printedAfter(run, "a second name:")` is "2" for the line "a second name: 2". Throws when no line or
 * more than one starts with the label, so that a reworded witness cannot leave a spec judging nothing.
 */
export function printedAfter(run: Pick<RunResult, "stdout">, label: string): string {
  const lines = run.stdout.split("\n").filter((line) => line.startsWith(label));
  if (lines.length !== 1) {
    throw new Error(
      `the witness printed ${lines.length} lines starting with ${JSON.stringify(label)}, not 1`,
    );
  }
  return (lines[0] as string).slice(label.length).trim();
}

/** printedAfter read as Python's True or False. */
export function printedTruth(run: Pick<RunResult, "stdout">, label: string): boolean {
  const text = printedAfter(run, label);
  if (text !== "True" && text !== "False") throw new Error(`${label} printed ${text}, not True or False`);
  return text === "True";
}

/** printedAfter read as a whole number (the first one printed). */
export function printedNumber(run: Pick<RunResult, "stdout">, label: string): number {
  const text = printedAfter(run, label);
  const n = /^-?\d+/.exec(text);
  if (!n) throw new Error(`${label} printed ${text}, not a number`);
  return Number(n[0]);
}

/** The 1-based line of the witness of `claimId` that reads `statement` (trimmed), the only such line. */
export function witnessLine(claimId: string, statement: string): number {
  const lines = witnessText(claimId).split("\n");
  const found = lines.flatMap((line, k) => (line.trim() === statement ? [k + 1] : []));
  if (found.length !== 1) {
    throw new Error(
      `${claimId}'s witness has ${found.length} lines reading ${JSON.stringify(statement)}, not 1`,
    );
  }
  return found[0] as number;
}

/**
 * The traced state just before and just after the statement `statement` of the witness ran (a run
 * with `trace: true`; the statement must run once).
 */
export function aroundStatement(
  run: RunResult,
  claimId: string,
  statement: string,
): { readonly before: TraceStep; readonly after: TraceStep } {
  const line = witnessLine(claimId, statement);
  const steps = run.steps ?? [];
  const at = steps.flatMap((s, k) => (s.line === line ? [k] : []));
  if (at.length !== 1 || (at[0] as number) < 1) {
    throw new Error(
      `${claimId}: the statement on line ${line} ran ${at.length} times in the trace, not once`,
    );
  }
  const k = at[0] as number;
  return { before: steps[k - 1] as TraceStep, after: steps[k] as TraceStep };
}
