// Whether a witness applies to an interpreter and what the model predicts there: the one function
// (src/witness-judging.ts) the scenarios tests, `pnpm claims` and the site's agree/differ marks use.
// No interpreter runs here: the committed recordings stand in for them.
import type { Interpreter, RunResult } from "@pymem/oracle";
import { describe, expect, it } from "vitest";
import {
  CLAIMS,
  type Claim,
  type InterpreterFacts,
  judgeOutput,
  notApplicableReason,
  predictionsFor,
  recordedInterpreter,
  witnessTargets,
} from "../src/index.js";
import { judgeWitnessRun, readRecording } from "../src/node.js";

// A claim whose witness "prints" the build the model takes the interpreter to be.
const base = CLAIMS[0] as Claim;
const echo = (tags: Claim["tags"]): Claim => ({
  ...base,
  tags,
  predictWitness: (t) => `${t.profile.id} ${t.pointerSize} ${t.hasPymalloc ? "pymalloc" : "malloc"}`,
});
const anyBuild = echo([]);
const pymallocOnly = echo(["needs-pymalloc"]);
const facts = (over: Partial<InterpreterFacts>): InterpreterFacts => ({
  kind: "native",
  version: "3.11.7",
  pointerSize: 8,
  allocator: "pymalloc",
  freeThreaded: false,
  debugBuild: false,
  ...over,
});

describe("witness judging", () => {
  it("tells native 3.7.2/3.7.3 (8-byte alignment) from 3.7.4+", () => {
    expect(predictionsFor(anyBuild, facts({ version: "3.7.2" }))).toEqual(["3.7.3 8 pymalloc"]);
    expect(predictionsFor(anyBuild, facts({ version: "3.7.3" }))).toEqual(["3.7.3 8 pymalloc"]);
    expect(predictionsFor(anyBuild, facts({ version: "3.7.4" }))).toEqual(["3.7 8 pymalloc"]);
  });

  it("predicts for both 3.6 builds, pyenv's first", () => {
    expect(predictionsFor(anyBuild, facts({ version: "3.6.15" }))).toEqual([
      "3.6-pyenv 8 pymalloc",
      "3.6 8 pymalloc",
    ]);
    const judged = judgeOutput(anyBuild, facts({ version: "3.6.15" }), {
      status: "ok",
      stdout: "3.6 8 pymalloc",
    });
    expect(judged).toEqual({
      agreement: "agrees",
      predicted: "3.6 8 pymalloc",
      alternatives: ["3.6-pyenv 8 pymalloc"],
    });
  });

  it("does not apply a pymalloc claim to Pyodide, built --without-pymalloc", () => {
    const pyodide = recordedInterpreter({ kind: "pyodide", version: "3.12.7" });
    expect(pyodide).toMatchObject({ pointerSize: 4, allocator: "malloc" });
    expect(notApplicableReason(pymallocOnly, pyodide)).toBe("Pyodide (wasm32) is built --without-pymalloc");
    expect(judgeOutput(pymallocOnly, pyodide, { status: "ok", stdout: "x" })).toMatchObject({
      agreement: "n/a",
      reason: "Pyodide (wasm32) is built --without-pymalloc",
    });
    // Other claims apply there, the version's 32-bit profile standing for its object layout.
    expect(notApplicableReason(anyBuild, pyodide)).toBeUndefined();
    expect(predictionsFor(anyBuild, pyodide)).toEqual(["3.12-32bit 4 malloc"]);
    expect(witnessTargets(pyodide)).toHaveLength(1);
  });

  it("judges a 32-bit native build by its -32bit profile", () => {
    const i = recordedInterpreter({ interpreter: "3.12.1-32bit", kind: "native", version: "3.12.1" });
    expect(i).toMatchObject({ pointerSize: 4, allocator: "pymalloc" });
    expect(predictionsFor(pymallocOnly, i)).toEqual(["3.12-32bit 4 pymalloc"]);
    expect(judgeOutput(pymallocOnly, i, { status: "ok", stdout: "3.12 8 pymalloc" })).toMatchObject({
      agreement: "differs",
      predicted: "3.12-32bit 4 pymalloc",
    });
  });

  it("does not apply to free-threaded, pymalloc-less native or old debug builds", () => {
    const ft = recordedInterpreter({ interpreter: "3.13.0t", kind: "native", version: "3.13.0" });
    expect(notApplicableReason(anyBuild, ft)).toBe("free-threaded builds are not profiled");
    expect(notApplicableReason(pymallocOnly, ft)).toBe(
      "this build does not use pymalloc (free-threaded: mimalloc)",
    );
    const debug = recordedInterpreter({ interpreter: "3.14.10d", kind: "native", version: "3.14.10" });
    expect(debug).toMatchObject({ debugBuild: true, pointerSize: 8, allocator: "pymalloc" });
    expect(notApplicableReason(anyBuild, debug)).toBeUndefined();
    expect(witnessTargets(debug).map((t) => t.profile.id)).toEqual(["3.14-debug"]);
    const oldDebug = recordedInterpreter({ interpreter: "3.13.0d", kind: "native", version: "3.13.0" });
    expect(notApplicableReason(anyBuild, oldDebug)).toBe("debug builds before 3.14 are not profiled");
    expect(notApplicableReason(pymallocOnly, facts({ allocator: "malloc" }))).toBe(
      "this build does not use pymalloc (malloc)",
    );
    expect(notApplicableReason(anyBuild, facts({ allocator: "malloc" }))).toBe(
      "malloc runs are not profiled",
    );
  });

  it("reads a mimalloc run's row name: its word size and allocator", () => {
    const row = { interpreter: "3.13.18-32bit+mimalloc", kind: "native", version: "3.13.18" } as const;
    const i = recordedInterpreter(row);
    expect(i).toMatchObject({
      pointerSize: 4,
      allocator: "mimalloc",
      freeThreaded: false,
      debugBuild: false,
    });
    expect(notApplicableReason(pymallocOnly, i)).toBe("this build does not use pymalloc (mimalloc)");
    expect(notApplicableReason(anyBuild, i)).toBe("mimalloc runs are not profiled");
    const plain = recordedInterpreter({ interpreter: "3.15.2-32bit", kind: "native", version: "3.15.2" });
    expect(plain).toMatchObject({ pointerSize: 4, allocator: "pymalloc" });
  });

  it("does not judge a run that did not end ok, nor a claim that predicts nothing", () => {
    expect(judgeOutput(anyBuild, facts({}), { status: "timeout", stdout: "" })).toMatchObject({
      agreement: "n/a",
      reason: "the witness ended with timeout",
    });
    const silent: Claim = { ...base, predictWitness: undefined } as unknown as Claim;
    expect(judgeOutput(silent, facts({}), { status: "ok", stdout: "" }).agreement).toBe("n/a");
  });
});

// The site judges the recordings with judgeOutput(recordedInterpreter(row)); `pnpm claims` and the
// witness tests judge live runs with judgeWitnessRun(Interpreter). On every committed row they agree.
describe.each(CLAIMS.filter((c) => c.predictWitness).map((c) => [c.id, c] as const))(
  "claim %s: the site's marks are pnpm claims' verdicts",
  (id, claim) => {
    const rows = readRecording(id)?.results ?? [];
    it.each(rows.filter((r) => r.status !== "skipped").map((r) => [r.interpreter, r] as const))(
      "%s",
      (_name, row) => {
        const facts = recordedInterpreter(row);
        const interpreter = {
          ...facts,
          executable: "",
          versionInfo: row.version.split(".").map(Number) as [number, number, number],
          releaseLevel: "final",
          buildFlags: "",
          platform: "",
        } satisfies Interpreter;
        const site = judgeOutput(claim, facts, row);
        const reason = notApplicableReason(claim, interpreter);
        if (reason !== undefined) {
          expect(site).toMatchObject({ agreement: "n/a", reason });
          return;
        }
        const run: RunResult = {
          status: row.status === "skipped" ? "error" : row.status,
          exitCode: 0,
          stdout: row.stdout,
          stderr: row.stderr,
          truncated: false,
          durationMs: 0,
        };
        const check = judgeWitnessRun(claim, interpreter, run, "no-drift-check");
        expect(check.status === "pass").toBe(site.agreement === "agrees");
        expect(check.predicted).toBe(site.predicted);
      },
    );
  },
);
