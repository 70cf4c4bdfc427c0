// The site's agree/differ marks are @pymem/scenarios' judgeOutput, the function `pnpm claims` and the
// witness tests judge with (packages/scenarios/test/witness-judging.test.ts checks those agree on every
// committed recording). Here: the page marks are that function's verdicts, row by row.
import { CLAIMS, judgeOutput, notApplicableReason, recordedInterpreter } from "@pymem/scenarios";
import { readRecording } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { groupRuns, judgeRun, pyodidePrediction, runLabel } from "../src/lib/evidence.js";

const witnessed = CLAIMS.filter((c) => c.predictWitness);

describe.each(witnessed.map((c) => [c.id, c] as const))("claim %s", (id, claim) => {
  const recording = readRecording(id);

  it("marks each recorded run as judgeOutput judges it", () => {
    for (const row of recording?.results ?? []) {
      const judged = judgeOutput(claim, recordedInterpreter(row), row);
      const mark = judgeRun(claim, row);
      expect(mark.agreement, row.interpreter).toBe(judged.agreement);
      if (mark.agreement === "differs") expect(mark.predicted).toBe(judged.predicted);
    }
  });

  it("groups every run that was not skipped", () => {
    const runs = recording ? groupRuns(claim, recording).flatMap((g) => g.runs) : [];
    expect(runs.length).toBe(recording?.results.filter((r) => r.status !== "skipped").length ?? 0);
  });
});

describe("pyodidePrediction", () => {
  it("is null for a claim that needs pymalloc: Pyodide is built --without-pymalloc", () => {
    for (const claim of witnessed.filter((c) => c.tags.includes("needs-pymalloc"))) {
      expect(pyodidePrediction(claim, "3.12.7")).toBeNull();
      const reason = notApplicableReason(claim, recordedInterpreter({ kind: "pyodide", version: "3.12.7" }));
      expect(reason).toBe("Pyodide (wasm32) is built --without-pymalloc");
    }
  });

  it("is the recorded Pyodide run's output where the marks say it agrees", () => {
    for (const claim of witnessed) {
      for (const row of readRecording(claim.id)?.results ?? []) {
        if (row.kind !== "pyodide" || judgeRun(claim, row).agreement !== "agrees") continue;
        expect(pyodidePrediction(claim, row.version), `${claim.id} ${row.interpreter}`).toBe(row.stdout);
      }
    }
  });
});

describe("runLabel", () => {
  const words = { build32: "32-bit", debugBuild: "debug build", freeThreadedBuild: "free-threaded" };
  const row = (interpreter: string, version: string, kind: "native" | "pyodide" = "native") =>
    ({ interpreter, kind, version, status: "ok", stdout: "", stderr: "" }) as const;

  it("tells apart every build a recording holds, one label each", () => {
    expect(runLabel(row("3.14.10", "3.14.10"), words)).toBe("CPython 3.14.10");
    expect(runLabel(row("3.14.10-32bit", "3.14.10"), words)).toBe("CPython 3.14.10 32-bit");
    expect(runLabel(row("3.14.10d", "3.14.10"), words)).toBe("CPython 3.14.10 debug build");
    expect(runLabel(row("3.13.0t", "3.13.0"), words)).toBe("CPython 3.13.0 free-threaded");
    expect(runLabel(row("3.13.0+mimalloc", "3.13.0"), words)).toBe("CPython 3.13.0 mimalloc");
    expect(runLabel(row("3.12.7-pyodide", "3.12.7", "pyodide"), words)).toBe("Pyodide 3.12.7");
    for (const claim of witnessed) {
      const rows = readRecording(claim.id)?.results ?? [];
      const labels = rows.map((r) => runLabel(r, words));
      expect(new Set(labels).size, claim.id).toBe(rows.length);
    }
  });
});
