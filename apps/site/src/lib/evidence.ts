// What real interpreters printed for a claim's witness (the committed recordings), set against what
// the model predicts for each of those interpreters. The judging is @pymem/scenarios' judgeOutput,
// the very function `pnpm claims` and the scenarios tests judge with.
import {
  type Claim,
  judgeOutput,
  notApplicableReason,
  predictionsFor,
  type RecordedResult,
  type Recording,
  recordedInterpreter,
} from "@pymem/scenarios";

/** agrees / differs: compared with the model; n/a: the model does not describe this build. */
export type Agreement = "agrees" | "differs" | "n/a";

export interface JudgedRun extends RecordedResult {
  readonly agreement: Agreement;
  /** The model's prediction when it differs (the first candidate build's). */
  readonly predicted?: string;
}

/** Runs that printed the same thing, shown once. */
export interface OutputGroup {
  readonly stdout: string;
  readonly status: RecordedResult["status"];
  readonly runs: readonly JudgedRun[];
}

export function judgeRun(claim: Claim, run: RecordedResult): JudgedRun {
  const judged = judgeOutput(claim, recordedInterpreter(run), run);
  if (judged.agreement === "differs")
    return { ...run, agreement: "differs", predicted: judged.predicted as string };
  return { ...run, agreement: judged.agreement };
}

/** The words runLabel adds to a version (the page's language). */
export interface BuildWords {
  readonly build32: string;
  readonly debugBuild: string;
  readonly freeThreadedBuild: string;
}

/**
 * What tells a recorded run's build apart from the others of its version: "CPython 3.14.10",
 * "CPython 3.14.10 32-bit", "CPython 3.14.10 debug build", "CPython 3.13.0 mimalloc", "Pyodide 3.12.7".
 */
export function runLabel(run: RecordedResult, words: BuildWords): string {
  if (run.kind === "pyodide") return `Pyodide ${run.version}`;
  const i = recordedInterpreter(run);
  return [
    `CPython ${run.version}`,
    i.pointerSize === 4 ? words.build32 : undefined,
    i.debugBuild ? words.debugBuild : undefined,
    i.freeThreaded ? words.freeThreadedBuild : i.allocator === "mimalloc" ? "mimalloc" : undefined,
  ]
    .filter((w) => w !== undefined)
    .join(" ");
}

/** The model's prediction for a Pyodide build of this CPython version, or null when it makes none there. */
export function pyodidePrediction(claim: Claim, python: string): string | null {
  const i = recordedInterpreter({ kind: "pyodide", version: python });
  if (notApplicableReason(claim, i) !== undefined) return null;
  return predictionsFor(claim, i)[0] ?? null;
}

/** The recording's runs grouped by what they printed, in the recording's order. */
export function groupRuns(claim: Claim, recording: Recording): OutputGroup[] {
  const groups: { stdout: string; status: RecordedResult["status"]; runs: JudgedRun[] }[] = [];
  for (const run of recording.results) {
    if (run.status === "skipped") continue;
    const judged = judgeRun(claim, run);
    const group = groups.find((g) => g.stdout === run.stdout && g.status === run.status);
    if (group) group.runs.push(judged);
    else groups.push({ stdout: run.stdout, status: run.status, runs: [judged] });
  }
  return groups;
}
