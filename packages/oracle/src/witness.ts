import { discoverNative } from "./discover.js";
import type { Interpreter } from "./interpreter.js";
import { discoverPyodide, runPyodide } from "./pyodide.js";
import { type RunOptions, type RunResult, runPython } from "./run.js";

/** Every interpreter: native ones (pyenv or PYMEM_PYTHONS), then the Pyodide builds. */
export async function discoverAll(env: NodeJS.ProcessEnv = process.env): Promise<Interpreter[]> {
  return [...(await discoverNative(env)), ...discoverPyodide()];
}

/** Runs a Python witness on any interpreter. */
export function runWitness(i: Interpreter, source: string, options: RunOptions = {}): Promise<RunResult> {
  return i.kind === "pyodide" ? runPyodide(i, source, options) : runPython(i.executable, source, options);
}
