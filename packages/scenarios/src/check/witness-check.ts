/*
 * Judging one witness run (node-only: it needs @pymem/oracle). Shared by the scenarios tests and by
 * `pnpm claims`, so both decide pass and fail the same way:
 *
 *   - where the witness applies, its stdout must be one of the model's predictions for that build:
 *     both decided by ../witness-judging.ts (browser-safe; the site's agree/differ marks use it too);
 *   - everywhere, status and stdout must equal the committed recording (else the recording drifted).
 */
import { type Interpreter, interpreterName, type RunResult, runWitness } from "@pymem/oracle";
import type { Claim } from "../claim.js";
import type { RecordedResult, Recording } from "../recording.js";
import { judgeOutput } from "../witness-judging.js";

// Applicability and predictions are decided in ../witness-judging.ts (browser-safe, shared with the site).
export { notApplicableReason, predictionsFor, witnessTargets } from "../witness-judging.js";

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
  const judged = judgeOutput(claim, i, run);
  const base = {
    interpreter: interpreterName(i),
    kind: i.kind,
    version: i.version,
    predicted: judged.predicted,
    ...(judged.alternatives.length > 0 ? { alternatives: judged.alternatives } : {}),
    actual: run.stdout,
    ...(run.stderr ? { stderr: run.stderr } : {}),
  };
  if (run.status !== "ok") return { ...base, status: "fail", reason: `the witness ended with ${run.status}` };
  if (judged.agreement === "differs")
    return { ...base, status: "fail", reason: "output differs from the model's prediction" };
  if (judged.agreement === "n/a") return { ...base, status: "fail", reason: judged.reason };
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
