// What real interpreters printed for a claim's witness (the committed recordings), set against what
// the model predicts for each of those interpreters.
import { type AllocatorProfile, PROFILES, profileForVersion } from "@pymem/core";
import type { Claim } from "@pymem/scenarios";

/** One interpreter's run, as `pnpm oracle record` writes it to recordings/<id>.json. */
export interface RecordedRun {
  readonly interpreter: string;
  readonly kind: "native" | "pyodide";
  readonly version: string;
  readonly status: "ok" | "error" | "timeout" | "skipped";
  readonly stdout: string;
  readonly stderr: string;
}

export interface Recording {
  readonly claim: string;
  readonly results: readonly RecordedRun[];
}

/** agrees / differs: compared with the model; n/a: the model does not describe this build. */
export type Agreement = "agrees" | "differs" | "n/a";

export interface JudgedRun extends RecordedRun {
  readonly agreement: Agreement;
  /** The model's prediction when it differs (the first candidate build's). */
  readonly predicted?: string;
}

/** Runs that printed the same thing, shown once. */
export interface OutputGroup {
  readonly stdout: string;
  readonly status: RecordedRun["status"];
  readonly runs: readonly JudgedRun[];
}

/** "3.15.0rc1" → "3.15.0": pre-release tags are not part of what the profiles are keyed by. */
export function releaseNumber(version: string): string {
  return /^\d+\.\d+(\.\d+)?/.exec(version)?.[0] ?? version;
}

/**
 * The builds an interpreter may be. Native interpreters are 64-bit pymalloc builds; a version can
 * have several (3.6 with or without pyenv's alignment patch). Pyodide is wasm32.
 */
export function candidateProfiles(run: Pick<RecordedRun, "kind" | "version">): AllocatorProfile[] {
  const pointerSize = run.kind === "pyodide" ? 4 : 8;
  const first = profileForVersion(releaseNumber(run.version), pointerSize);
  const same = PROFILES.filter(
    (p) =>
      p.pointerSize === pointerSize && p.python[0] === first.python[0] && p.python[1] === first.python[1],
  );
  // 3.7.0–3.7.3 and 3.7.4+ are told apart by the micro version, the rest of a line are candidates.
  const rest = first.python.join(".") === "3.7" ? [] : same.filter((p) => p.id !== first.id);
  return [first, ...rest];
}

/** The model's possible outputs for one interpreter, or undefined when it makes no prediction there. */
export function predictionsFor(
  claim: Claim,
  run: Pick<RecordedRun, "kind" | "version">,
): string[] | undefined {
  const predict = claim.predictWitness;
  if (!predict) return undefined;
  // Pyodide has no pymalloc: a claim about pymalloc says nothing about it.
  if (run.kind === "pyodide" && claim.tags.includes("needs-pymalloc")) return undefined;
  const pointerSize = run.kind === "pyodide" ? 4 : 8;
  const version = releaseNumber(run.version);
  return [
    ...new Set(
      candidateProfiles(run).map((profile) =>
        predict({ profile, version, pointerSize, hasPymalloc: run.kind === "native" }),
      ),
    ),
  ];
}

export function judgeRun(claim: Claim, run: RecordedRun): JudgedRun {
  const predictions = predictionsFor(claim, run);
  if (predictions === undefined || run.status !== "ok") return { ...run, agreement: "n/a" };
  if (predictions.includes(run.stdout)) return { ...run, agreement: "agrees" };
  return { ...run, agreement: "differs", predicted: predictions[0] as string };
}

/** The recording's runs grouped by what they printed, in the recording's order. */
export function groupRuns(claim: Claim, recording: Recording): OutputGroup[] {
  const groups: { stdout: string; status: RecordedRun["status"]; runs: JudgedRun[] }[] = [];
  for (const run of recording.results) {
    if (run.status === "skipped") continue;
    const judged = judgeRun(claim, run);
    const group = groups.find((g) => g.stdout === run.stdout && g.status === run.status);
    if (group) group.runs.push(judged);
    else groups.push({ stdout: run.stdout, status: run.status, runs: [judged] });
  }
  return groups;
}
