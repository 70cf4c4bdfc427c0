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
 * What kind of real build a recorded run comes from: a native CPython with pymalloc, a debug build, a
 * free-threaded build, a native build run with PYTHONMALLOC=mimalloc, or Pyodide.
 */
export type BuildKind = "native" | "debug" | "freeThreaded" | "mimalloc" | "pyodide";

/** The letter a verdict table shows under a verdict for a build of each kind, in both languages. */
export const BUILD_LETTERS: Readonly<Record<BuildKind, string>> = {
  native: "C",
  debug: "D",
  freeThreaded: "T",
  mimalloc: "M",
  pyodide: "P",
};

export function buildKind(run: Pick<RecordedResult, "kind" | "version" | "interpreter">): BuildKind {
  if (run.kind === "pyodide") return "pyodide";
  const i = recordedInterpreter(run);
  if (i.freeThreaded) return "freeThreaded";
  if (i.debugBuild) return "debug";
  return i.allocator === "mimalloc" ? "mimalloc" : "native";
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

/** The id of a recorded run's chip among a claim's evidence: the verdict tables' marks link to it. */
export function runAnchor(claimId: string, interpreter: string): string {
  return `${claimId.toLowerCase()}-run-${interpreter.replace(/[^A-Za-z0-9.]+/g, "-")}`;
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
