import type { Interpreter } from "./interpreter.js";
import { discoverJudges } from "./judges.js";
import { runPyodide } from "./pyodide.js";
import { type RunOptions, type RunResult, runPython } from "./run.js";

/**
 * The judges witnesses run on (judges.ts): native ones (pyenv or PYMEM_PYTHONS), Debian's fetched
 * builds (debug included), the mimalloc runs of the 3.13+ builds, then the Pyodide builds. Archive
 * judges not fetched are left out here; `pymem judges` and the oracle's tests say which and why.
 */
export async function discoverAll(env: NodeJS.ProcessEnv = process.env): Promise<Interpreter[]> {
  return (await discoverJudges(env)).judges.map((j) => j.interpreter);
}

/** Runs a Python witness on any interpreter. */
export function runWitness(
  i: Interpreter,
  source: string | Uint8Array,
  options: RunOptions = {},
): Promise<RunResult> {
  if (i.kind === "pyodide") return runPyodide(i, source, options);
  return runPython(i.executable, source, i.pythonEnv ? { ...options, pythonEnv: i.pythonEnv } : options);
}

export interface WitnessRun {
  readonly interpreter: Interpreter;
  readonly result: RunResult;
}

/** Runs a witness on each interpreter, `concurrency` at a time (the machine has two cores), in order. */
export async function runWitnessOnAll(
  interpreters: readonly Interpreter[],
  source: string | Uint8Array,
  options: RunOptions & { readonly concurrency?: number } = {},
): Promise<WitnessRun[]> {
  const concurrency = options.concurrency ?? 2;
  const runs: WitnessRun[] = [];
  for (let i = 0; i < interpreters.length; i += concurrency) {
    const batch = interpreters.slice(i, i + concurrency);
    const results = await Promise.all(batch.map((it) => runWitness(it, source, options)));
    results.forEach((result, k) => {
      runs.push({ interpreter: batch[k] as Interpreter, result });
    });
  }
  return runs;
}
