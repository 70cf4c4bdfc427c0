import { discoverNative } from "./discover.js";
import type { Interpreter } from "./interpreter.js";
import { discoverPyodide, runPyodide } from "./pyodide.js";
import { type RunOptions, type RunResult, runPython } from "./run.js";

/** Every interpreter: native ones (pyenv or PYMEM_PYTHONS), then the Pyodide builds. */
export async function discoverAll(env: NodeJS.ProcessEnv = process.env): Promise<Interpreter[]> {
  return [...(await discoverNative(env)), ...discoverPyodide()];
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
