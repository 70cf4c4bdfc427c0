// The programs the model is judged with are themselves valid: every corpus program (test/programs/)
// and a sample of generated ones run to the end on each native interpreter, with nothing on stderr.
// The normal suite checks this inside differential.test.ts, which runs the same programs anyway;
// this file runs its own sample only with PYMEM_LONG=1, and always checks the corpus's form.
// A corpus program marked `# pymem: python >= X.Y` must instead fail with a SyntaxError below X.Y
// (what the model must then say too). Missing interpreters skip here and fail in CI.
import { interpreterName } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { renderProgram, samplePrograms } from "./fuzz/program-arbitrary.js";
import {
  corpusPrograms,
  judgeInterpreters,
  minorVersion,
  type PythonProgram,
  runPrograms,
  runsOn,
} from "./native-programs.js";

/** The native interpreters the machine image carries (README, "Requirements"). */
const NATIVE_JUDGES = ["2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];
const GENERATED = 50;
const SEED = 16;

const interpreters = await judgeInterpreters("native");
const corpus = corpusPrograms();
const programs: PythonProgram[] = [
  ...corpus,
  ...samplePrograms(SEED, GENERATED).map((p, k) => ({ name: `generated-${k}`, source: renderProgram(p) })),
];

describe("the corpus", () => {
  it("has at least 40 programs of 5 to 30 lines, each saying what it shows, then importing print_function", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const problems = corpus.flatMap(({ name, source }) => {
      const code = source.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
      const lines = source.trimEnd().split("\n").length;
      return [
        source.startsWith("# ") ? [] : [`${name}: no header comment saying what it shows`],
        code[0] === "from __future__ import print_function" ? [] : [`${name}: print_function not first`],
        // (a shrunk regression keeps the definitions the generator wrote: no length rule for it)
        name.startsWith("regressions/") || (lines >= 5 && lines <= 30) ? [] : [`${name}: ${lines} lines`],
      ].flat();
    });
    expect(problems).toEqual([]);
  });
});

describe("on native CPython", () => {
  it("finds every interpreter the programs are judged on", (ctx) => {
    const have = new Set(interpreters.map(minorVersion));
    const missing = NATIVE_JUDGES.filter((v) => !have.has(v));
    requireOrSkip(ctx, missing.length === 0, `native CPython not found: ${missing.join(", ")}`);
  });

  // (no test at all in the normal suite, rather than skipped ones: the differential covers it there)
  const long = process.env.PYMEM_LONG === "1" ? interpreters : [];
  it.for(long.map((i) => [interpreterName(i), i] as const))(
    "%s runs every corpus program and 50 generated ones to the end",
    { timeout: 300_000 },
    async ([, interpreter]) => {
      const runs = await runPrograms(programs, [interpreter]);
      const failures = runs.flatMap(({ program, result }) => {
        const source = (programs.find((p) => p.name === program) as PythonProgram).source;
        const ok = runsOn(source, interpreter)
          ? result.status === "ok" && result.stderr === ""
          : result.exitCode === 1 && /SyntaxError/.test(result.stderr);
        return ok ? [] : [`${program}: ${result.status} ${result.exitCode}\n${result.stderr.slice(-600)}`];
      });
      expect(failures).toEqual([]);
    },
  );
});
