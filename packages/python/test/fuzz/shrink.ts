/*
 * Shrinking a generated program that makes the model disagree with an interpreter, with fast-check's
 * own shrinker: the program is drawn again from the same seed and index (fast-check's replay path),
 * then made smaller while `fails` still holds, one real run per candidate.
 */
import fc from "fast-check";
import { type Program, type ProgramOptions, programArbitrary, renderProgram } from "./program-arbitrary.js";

export interface Shrunk {
  /** The smallest program found that still fails, as Python source. */
  readonly source: string;
  /** Its statements between the prelude (imports, definitions) and the epilogue (the final dels). */
  readonly body: readonly string[];
  /** How many generated programs ran before the first failure (1-based), when searching. */
  readonly found: number;
  /** Shrink steps that kept the failure. */
  readonly shrinks: number;
}

/**
 * Runs `fails` on programs drawn from `seed` until one fails (at most `numRuns`), and shrinks it; all
 * within `timeLimitMs` (default 2 min: a shrink may try a few hundred candidates).
 */
export async function findAndShrink(
  fails: (source: string) => Promise<boolean>,
  {
    seed,
    numRuns,
    path,
    timeLimitMs = 120_000,
    ...options
  }: ProgramOptions & { seed: number; numRuns: number; path?: string; timeLimitMs?: number },
): Promise<Shrunk | undefined> {
  const property = fc.asyncProperty(
    programArbitrary(options),
    async (p: Program) => !(await fails(renderProgram(p))),
  );
  // Past the time limit fast-check stops, keeping the smallest failing program found so far.
  const result = await fc.check(property, {
    seed,
    numRuns,
    interruptAfterTimeLimit: timeLimitMs,
    ...(path === undefined ? {} : { path }),
  });
  if (!result.failed || result.counterexample === null) return undefined;
  const [program] = result.counterexample;
  return {
    source: renderProgram(program),
    body: program.body,
    found: Number((result.counterexamplePath ?? "0").split(":")[0]) + 1,
    shrinks: result.numShrinks,
  };
}

/** Shrinks the program at `index` of samplePrograms(seed, …), known to fail. */
export function shrinkSampled(
  fails: (source: string) => Promise<boolean>,
  seed: number,
  index: number,
  options: ProgramOptions = {},
): Promise<Shrunk | undefined> {
  return findAndShrink(fails, { ...options, seed, numRuns: 1, path: String(index) });
}
