/*
 * Whether a claim's witness applies to an interpreter, and what the model predicts it prints there.
 * Browser-safe, and the one place this is decided: the scenarios tests and `pnpm claims` (through
 * check/witness-check.ts, which runs the interpreters) and the site's agree/differ marks (from the
 * committed recordings) all call judgeOutput, so they cannot disagree. Which allocator profiles a
 * build may be is @pymem/core's candidateProfiles.
 */
import {
  type BuildFacts,
  candidateProfiles,
  DEBUG_HOOKS_SINCE,
  hasDebugBuild,
  profileForVersion,
  releaseNumber,
} from "@pymem/core";
import type { Claim, WitnessTarget } from "./claim.js";
import type { RecordedResult } from "./recording.js";

/** What judging needs to know of an interpreter. @pymem/oracle's Interpreter has these fields. */
export interface InterpreterFacts extends BuildFacts {
  readonly kind: "native" | "pyodide";
  readonly freeThreaded: boolean;
  readonly debugBuild: boolean;
}

/**
 * An interpreter as a recording row names it: "3.11.7", "3.13.0t" (free-threaded), "3.14.10d" (debug),
 * "3.12.1-32bit", "3.13.0+mimalloc" (run with PYTHONMALLOC=mimalloc), "3.11.3-pyodide" (@pymem/oracle's
 * interpreterName). Pyodide is wasm32 and built --without-pymalloc; a native build is taken to have
 * pymalloc unless free-threaded or run on mimalloc. A pre-release tag ("3.15.0rc1") is dropped.
 */
export function recordedInterpreter(
  row: Pick<RecordedResult, "kind" | "version"> & { readonly interpreter?: string },
): InterpreterFacts {
  const version = releaseNumber(row.version);
  if (row.kind === "pyodide")
    return {
      kind: "pyodide",
      version,
      pointerSize: 4,
      allocator: "malloc",
      freeThreaded: false,
      debugBuild: false,
    };
  const suffix = row.interpreter?.startsWith(row.version) ? row.interpreter.slice(row.version.length) : "";
  const [, threads, debug, word, malloc] = /^(t?)(d?)(-32bit)?(?:\+(\w+))?$/.exec(suffix) ?? [];
  const freeThreaded = threads === "t";
  return {
    kind: "native",
    version,
    pointerSize: word ? 4 : 8,
    allocator: freeThreaded || malloc === "mimalloc" ? "mimalloc" : "pymalloc",
    freeThreaded,
    debugBuild: debug === "d",
  };
}

/**
 * Whether a claim's witness is run and recorded on an interpreter at all. A native build run with
 * mimalloc (PYTHONMALLOC=mimalloc) is evidence about the allocator only: it runs the witnesses of
 * claims about the allocator (tag "allocator"). The others' witnesses print there what the same build
 * prints with pymalloc, or, where they watch addresses being reused, what mimalloc's timing decides:
 * C17's "str keeps its freed objects" came out True in 6 of 20 runs of 3.15.2 with mimalloc.
 */
export function recordedOn(claim: Pick<Claim, "tags">, i: InterpreterFacts): boolean {
  return (
    !(i.kind === "native" && i.allocator === "mimalloc" && !i.freeThreaded) ||
    claim.tags.includes("allocator")
  );
}

/**
 * Why a claim's witness does not apply to an interpreter, or undefined when it does. A claim about
 * pymalloc does not apply where there is none; otherwise the model judges a build it has a profile of,
 * and no other: not free-threaded or mimalloc-run builds, nor debug builds before 3.14.
 */
export function notApplicableReason(claim: Claim, i: InterpreterFacts): string | undefined {
  if (claim.tags.includes("needs-pymalloc") && i.allocator !== "pymalloc") {
    if (i.kind === "pyodide") return "Pyodide (wasm32) is built --without-pymalloc";
    return i.freeThreaded
      ? "this build does not use pymalloc (free-threaded: mimalloc)"
      : `this build does not use pymalloc (${i.allocator})`;
  }
  if (i.freeThreaded) return "free-threaded builds are not profiled";
  if (i.debugBuild && !hasDebugBuild({ python: majorMinor(i.version) }))
    return `debug builds before ${DEBUG_HOOKS_SINCE.join(".")} are not profiled`;
  if (i.kind === "native" && i.allocator !== "pymalloc") return `${i.allocator} runs are not profiled`;
  return undefined;
}

/**
 * The builds an interpreter may be: each candidate profile of a pymalloc build; without pymalloc, its
 * version's profile, which then stands only for the version's object layout (hasPymalloc false).
 */
export function witnessTargets(i: InterpreterFacts): WitnessTarget[] {
  const candidates = candidateProfiles(i);
  const hasPymalloc = candidates.length > 0;
  const profiles = hasPymalloc ? candidates : [profileForVersion(releaseNumber(i.version), i.pointerSize)];
  const debugBuild = i.debugBuild && hasPymalloc;
  return profiles.map((p) => ({
    profile: p,
    version: i.version,
    pointerSize: i.pointerSize,
    hasPymalloc,
    ...(debugBuild ? { debugBuild } : {}),
  }));
}

/** "3.14.10" → [3, 14] */
function majorMinor(version: string): [number, number] {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return [major, minor];
}

/** The model's distinct predictions of the witness output on an interpreter, most likely build first. */
export function predictionsFor(claim: Claim, i: InterpreterFacts): string[] {
  const predict = claim.predictWitness;
  if (!predict) return [];
  return [...new Set(witnessTargets(i).map((t) => predict(t)))];
}

/** An interpreter's output set against the model. */
export type ModelJudgement = {
  /** The prediction that matched, else the first (null: the claim predicts nothing). */
  readonly predicted: string | null;
  /** The other candidate builds' predictions, when there are several. */
  readonly alternatives: readonly string[];
} & (
  | /** The output is / is not one of the predictions. */
  { readonly agreement: "agrees" | "differs" }
  /** Not judged: the witness does not apply, predicts nothing, or the run did not end ok. */
  | { readonly agreement: "n/a"; readonly reason: string }
);

/** Judges what a witness printed on an interpreter against the model's predictions for its builds. */
export function judgeOutput(
  claim: Claim,
  i: InterpreterFacts,
  run: { readonly status: string; readonly stdout: string },
): ModelJudgement {
  const predictions = predictionsFor(claim, i);
  const matched = predictions.find((p) => p === run.stdout);
  const predicted = matched ?? predictions[0] ?? null;
  const alternatives = predictions.filter((p) => p !== predicted);
  const base = { predicted, alternatives };
  const reason = !claim.predictWitness
    ? "the claim's witness predicts nothing"
    : (notApplicableReason(claim, i) ??
      (run.status === "ok" ? undefined : `the witness ended with ${run.status}`));
  if (reason) return { ...base, agreement: "n/a", reason };
  return { ...base, agreement: matched === undefined ? "differs" : "agrees" };
}
