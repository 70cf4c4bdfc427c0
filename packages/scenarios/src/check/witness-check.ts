/*
 * Judging one witness run (node-only: it needs @pymem/oracle). Shared by the scenarios tests and by
 * `pnpm claims`, so both decide pass and fail the same way:
 *
 *   - a witness applies to an interpreter unless the claim needs pymalloc and the build has none
 *     (Pyodide, --without-pymalloc), or the build is free-threaded or a debug build (not profiled);
 *   - where it applies, its stdout must be one of the model's predictions for that build (a version
 *     can have several candidate builds, e.g. pyenv's and upstream's 3.6);
 *   - everywhere, status and stdout must equal the committed recording (else the recording drifted).
 */
import { profile, profileForVersion } from "@pymem/core";
import {
  candidateProfileIds,
  type Interpreter,
  interpreterName,
  type RunResult,
  runWitness,
} from "@pymem/oracle";
import type { Claim, WitnessTarget } from "../claim.js";
import type { RecordedResult, Recording } from "../paths.js";

/** Why a witness does not apply to an interpreter, or undefined when it does. */
export function notApplicableReason(claim: Claim, i: Interpreter): string | undefined {
  if (i.freeThreaded) return "free-threaded builds are not profiled";
  if (i.debugBuild) return "debug builds are not profiled";
  if (claim.tags.includes("needs-pymalloc") && candidateProfileIds(i).length === 0) {
    return i.kind === "pyodide"
      ? "Pyodide (wasm32) is built --without-pymalloc"
      : "this build has no pymalloc";
  }
  return undefined;
}

/** The builds an interpreter may be: each candidate profile for pymalloc builds, else its version's. */
export function witnessTargets(i: Interpreter): WitnessTarget[] {
  const ids = candidateProfileIds(i);
  const profiles =
    ids.length > 0 ? ids.map((id) => profile(id)) : [profileForVersion(i.version, i.pointerSize)];
  const hasPymalloc = ids.length > 0;
  return profiles.map((p) => ({ profile: p, version: i.version, pointerSize: i.pointerSize, hasPymalloc }));
}

/** The model's distinct predictions of the witness output on an interpreter. */
export function predictionsFor(claim: Claim, i: Interpreter): string[] {
  const predict = claim.predictWitness;
  if (!predict) return [];
  return [...new Set(witnessTargets(i).map((t) => predict(t)))];
}

export type WitnessStatus = "pass" | "fail" | "skipped";

export interface WitnessCheck {
  readonly interpreter: string;
  readonly kind: "native" | "pyodide";
  readonly version: string;
  readonly status: WitnessStatus;
  /** The model's prediction: the one that matched, else the first (null: the claim predicts nothing). */
  readonly predicted: string | null;
  /** Other builds' predictions when the interpreter could be one of several builds. */
  readonly alternatives?: readonly string[];
  /** What the interpreter printed (null when it did not run). */
  readonly actual: string | null;
  /** Its stderr (measurements put their figures there). */
  readonly stderr?: string;
  /** Why it failed or was skipped. */
  readonly reason?: string;
}

/** The recorded result of an interpreter, if the recording has one. */
export function recordedRow(recording: Recording | undefined, name: string): RecordedResult | undefined {
  return recording?.results.find((r) => r.interpreter === name);
}

/**
 * Judges a run of a claim's witness on an interpreter it applies to: the model's prediction first,
 * then drift from the committed recording (pass `undefined` to skip the drift check).
 */
export function judgeWitnessRun(
  claim: Claim,
  i: Interpreter,
  run: RunResult,
  recorded: RecordedResult | undefined | "no-drift-check",
): WitnessCheck {
  const predictions = predictionsFor(claim, i);
  const matched = predictions.find((p) => p === run.stdout);
  const base = {
    interpreter: interpreterName(i),
    kind: i.kind,
    version: i.version,
    predicted: matched ?? predictions[0] ?? null,
    ...(predictions.length > 1
      ? { alternatives: predictions.filter((p) => p !== (matched ?? predictions[0])) }
      : {}),
    actual: run.stdout,
    ...(run.stderr ? { stderr: run.stderr } : {}),
  };
  if (run.status !== "ok") return { ...base, status: "fail", reason: `the witness ended with ${run.status}` };
  if (matched === undefined)
    return { ...base, status: "fail", reason: "output differs from the model's prediction" };
  if (recorded !== "no-drift-check") {
    if (!recorded)
      return { ...base, status: "fail", reason: "no committed recording: run pnpm oracle record" };
    if (recorded.status !== run.status || recorded.stdout !== run.stdout) {
      return {
        ...base,
        status: "fail",
        reason: "output differs from the committed recording: run pnpm oracle record",
      };
    }
  }
  return { ...base, status: "pass" };
}

/**
 * Runs a witness, once more if it timed out. A Pyodide process very rarely stalls at start-up when CI
 * runs every package's tests at once on two cores (seen twice on C12, whose run takes 2 s alone); a
 * second time-out is a real failure.
 */
export async function runWitnessRetryingTimeout(
  i: Interpreter,
  source: string,
  timeoutMs: number,
): Promise<RunResult> {
  const first = await runWitness(i, source, { timeoutMs });
  if (first.status !== "timeout") return first;
  // Say so, with how far the first run got, so that a rare stall leaves a trace even when the retry passes.
  process.stderr.write(`witness on ${i.version}: ${first.stderr}; running it once more\n`);
  return runWitness(i, source, { timeoutMs });
}
