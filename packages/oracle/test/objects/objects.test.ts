// The object layer against real interpreters: every witness in cases/ on every interpreter found
// (native 2.7 / 3.6+ and Pyodide), compared line for line with the model of the same program.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { python } from "@pymem/core";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { discoverAll, type Interpreter, interpreterName, runWitness } from "../../src/index.js";
import { missingJudges, PYODIDE_JUDGES } from "../support/judges.js";
import { OBJECT_CASES } from "./cases.js";

// The builds the model has profiles of: not free-threaded, debug or mimalloc-run builds.
const interpreters = (await discoverAll()).filter(
  (i) => !i.freeThreaded && !i.debugBuild && i.pythonEnv?.PYTHONMALLOC === undefined,
);

/**
 * The interpreters the object layer is judged on (README, "What is proven so far"): native and
 * Pyodide. Locally a missing one is a skip that names it; under CI, where the machine image has them
 * all, it is a failure, so a CI run cannot pass on fewer interpreters than the README claims.
 */
it("finds every interpreter the object layer is judged on", (ctx) => {
  const missing = [
    ...missingJudges(interpreters).map((v) => `native ${v}`),
    ...missingJudges(interpreters, PYODIDE_JUDGES, "pyodide").map((v) => `pyodide ${v}`),
  ];
  requireOrSkip(ctx, missing.length === 0, `not found on this machine: ${missing.join(", ")}`);
});

/** The model's output for the interpreter's version and pointer size. */
function predict(model: (py: ReturnType<typeof python>) => void, i: Interpreter): string {
  const py = python(i.version, { pointerSize: i.pointerSize, wasm32: i.kind === "pyodide" });
  model(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}

describe.each(OBJECT_CASES.map((c) => [c.name, c] as const))("object case %s", (name, c) => {
  const source = readFileSync(join(import.meta.dirname, "cases", `${name}.py`), "utf8");

  it("has interpreters to run on", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no CPython interpreter (pyenv or Pyodide) found");
  });

  it.for(interpreters.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    `%s prints what the model predicts: ${c.about}`,
    { timeout: 60_000 },
    async ([, i]) => {
      const run = await runWitness(i, source);
      expect(run.status, run.stderr).toBe("ok");
      expect(predict(c.model, i)).toBe(run.stdout);
    },
  );
});
