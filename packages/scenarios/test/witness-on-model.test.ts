// Which claims' witness.py @pymem/python runs as it stands, and the proof that the model then
// prints, for every interpreter a recording holds that the model profiles, what that
// interpreter printed. A witness the model refuses anywhere is listed with the refusal; one it
// answers must be right everywhere, and its claim must predict with it (modelRunsWitness), not
// with a model.ts that restates it by hand.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasDebugBuild } from "@pymem/core";
import { type RunResult, runPython, UnsupportedError } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { CLAIMS, claimPaths, recordedInterpreter } from "../src/index.js";
import { type RecordedResult, readRecording, SCENARIOS_DIR, witnessSource } from "../src/node.js";

/** Claims whose witness ran on the model for every recorded interpreter when this was written. */
const AT_LEAST = 14;

function onModel(source: string, row: RecordedResult): RunResult {
  const pyodide = row.kind === "pyodide";
  const i = recordedInterpreter(row);
  return runPython(source, {
    version: row.version.replace(/[a-z].*$/, ""),
    pointerSize: i.pointerSize,
    platform: pyodide ? "emscripten" : "linux",
    ...(i.debugBuild ? { debugBuild: true } : {}),
  });
}

/** A row of a build the model has a profile of: not a free-threaded or mimalloc-run build. */
function profiled(row: RecordedResult): boolean {
  const i = recordedInterpreter(row);
  const [major, minor] = i.version.split(".").map(Number) as [number, number];
  if (i.debugBuild && !hasDebugBuild({ python: [major, minor] })) return false;
  return !i.freeThreaded && (i.kind === "pyodide" || i.allocator === "pymalloc");
}

describe("witnesses run on the model", () => {
  const runs = CLAIMS.map((claim) => {
    const source = witnessSource(claim.id);
    const rows = (readRecording(claim.id)?.results ?? []).filter((r) => r.status === "ok" && profiled(r));
    const outcomes = rows.map((row) => {
      try {
        return { row, stdout: onModel(source, row).stdout, refused: undefined };
      } catch (e) {
        if (!(e instanceof UnsupportedError)) throw e;
        return { row, stdout: undefined, refused: e.message };
      }
    });
    return { claim, outcomes };
  });
  const direct = runs.filter(
    (r) => r.outcomes.length > 0 && r.outcomes.every((o) => o.refused === undefined),
  );

  it.each(direct.map((r) => [r.claim.id, r] as const))(
    "%s: the model prints what each interpreter printed",
    (_id, r) => {
      for (const o of r.outcomes) expect(o.stdout, o.row.interpreter).toBe(o.row.stdout);
    },
  );

  it("a claim predicts with its witness exactly when the model runs that witness", () => {
    const mismatched = runs
      .filter((r) => direct.includes(r) !== (r.claim.modelRunsWitness === true))
      .map((r) =>
        r.claim.modelRunsWitness
          ? `${r.claim.id}: modelRunsWitness, but the model refuses its witness`
          : `${r.claim.id}: the model runs its witness; set modelRunsWitness and delete model.ts`,
      );
    expect(mismatched).toEqual([]);
  });

  it("a model.ts kept for a refused witness says in one line why", () => {
    const unexplained = runs.flatMap((r) => {
      const refusal = r.outcomes.find((o) => o.refused)?.refused;
      const model = join(SCENARIOS_DIR, claimPaths(r.claim.folder).model);
      if (refusal === undefined || !existsSync(model)) return [];
      const why = `// Kept: the model refuses witness.py (${refusal}).`;
      return readFileSync(model, "utf8").split("\n").includes(why) ? [] : [`${r.claim.id}: ${why}`];
    });
    expect(unexplained, "model.ts files without their line (or with an old refusal)").toEqual([]);
  });

  it(`runs at least ${AT_LEAST} claims' witnesses directly`, () => {
    const listing = runs.map((r) => {
      const refusal = r.outcomes.find((o) => o.refused)?.refused;
      return `${r.claim.id}: ${refusal ? `refused (${refusal})` : "on the model"}`;
    });
    process.stdout.write(
      `witnesses on the model: ${direct.length} of ${runs.length}\n${listing.join("\n")}\n`,
    );
    expect(direct.length).toBeGreaterThanOrEqual(AT_LEAST);
  });
});
