/*
 * The model against real CPython: every corpus program (test/programs/) and a sample of generated
 * programs (test/fuzz/) runs on each native interpreter and on the model of that interpreter's
 * build. Where the model answers, its stdout and exit status must be the interpreter's, byte for
 * byte; where it refuses (UnsupportedError), it has said so at a line and answered nothing, which
 * is allowed and counted. A wrong answer fails the test, unless known-mismatches.json lists it
 * (a model bug found and not fixed yet, with what is known of its cause); an entry that no longer
 * mismatches fails the test too, so that the list only shrinks. A new wrong answer on a generated
 * program is shrunk by fast-check against that interpreter and saved under test/regressions/, which
 * the corpus then includes: the failure shows the small program, and committing it keeps it a test.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Interpreter, interpreterName } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { renderProgram, samplePrograms } from "./fuzz/program-arbitrary.js";
import { judge, type Verdict } from "./judge.js";
import {
  corpusPrograms,
  judgeInterpreters,
  type PythonProgram,
  runPrograms,
  runsOn,
} from "./native-programs.js";
import { saveRegression } from "./regressions.js";

/** generated programs per interpreter: 300 in the normal suite, ten times that with PYMEM_LONG=1 */
const GENERATED = process.env.PYMEM_LONG === "1" ? 3000 : 300;
const SEED = 20261206;
/** New wrong answers on generated programs shrunk per run (each shrink runs the interpreter ~50 times). */
const MAX_SHRINKS = 3;

/** "program on X.Y" → why the model is wrong there */
const KNOWN: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(import.meta.dirname, "known-mismatches.json"), "utf8"),
);

describe("@pymem/python against native CPython", () => {
  it("answers every program exactly as the interpreter prints it, or refuses it", async (ctx) => {
    const interpreters = await judgeInterpreters("native");
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found (pyenv or PYMEM_PYTHONS)");
    const programs: PythonProgram[] = [
      ...corpusPrograms(),
      ...samplePrograms(SEED, GENERATED).map((p, k) => ({
        name: `generated-${k}`,
        source: renderProgram(p),
      })),
    ];
    // one run at a time: the other packages' tests share the machine (two cores) meanwhile
    const runs = await runPrograms(programs, interpreters, { concurrency: 1 });
    const byName = new Map(programs.map((p) => [p.name, p]));
    const counts = new Map<string, Record<Verdict, number>>();
    const mismatches: string[] = [];
    const toShrink: { index: number; interpreter: Interpreter }[] = [];
    const seen = new Set<string>();
    const invalid: string[] = [];
    for (const run of runs) {
      const name = interpreterName(run.interpreter);
      const c = counts.get(name) ?? { match: 0, refused: 0, mismatch: 0 };
      const program = byName.get(run.program) as PythonProgram;
      // the program itself must be valid there (corpus-native.test.ts says what that means)
      const valid = runsOn(program.source, run.interpreter)
        ? run.result.status === "ok" && run.result.stderr === ""
        : run.result.exitCode === 1 && /SyntaxError/.test(run.result.stderr);
      if (!valid)
        invalid.push(
          `${run.program} on ${name}: ${run.result.status} ${run.result.exitCode} ${run.result.stderr.slice(-300)}`,
        );
      const j = judge(program.source, run.interpreter, run.result);
      c[j.verdict]++;
      counts.set(name, c);
      const key = `${run.program} on ${run.interpreter.versionInfo.slice(0, 2).join(".")}`;
      if (j.verdict === "mismatch") {
        seen.add(key);
        if (!(key in KNOWN)) {
          mismatches.push(`${run.program} on ${name}: ${j.detail}`);
          const generated = /^generated-(\d+)$/.exec(run.program);
          if (generated) toShrink.push({ index: Number(generated[1]), interpreter: run.interpreter });
        }
      }
    }
    const table = [...counts].map(
      ([name, c]) => `${name.padEnd(24)} ${c.match} match, ${c.refused} refused, ${c.mismatch} wrong`,
    );
    process.stdout.write(`@pymem/python differential (${programs.length} programs):\n${table.join("\n")}\n`);
    mkdirSync(".reports", { recursive: true });
    writeFileSync(
      ".reports/python-differential.json",
      `${JSON.stringify(Object.fromEntries(counts), null, 2)}\n`,
    );
    expect(invalid, "programs that do not run as they should on a real interpreter").toEqual([]);
    const shrunk: string[] = [];
    for (const { index, interpreter } of toShrink.slice(0, MAX_SHRINKS))
      shrunk.push(await saveRegression(SEED, index, interpreter));
    expect([...mismatches, ...shrunk]).toEqual([]);
    const fixed = Object.keys(KNOWN).filter(
      (k) =>
        !seen.has(k) && interpreters.some((i) => k.endsWith(` on ${i.versionInfo.slice(0, 2).join(".")}`)),
    );
    expect(fixed, "known mismatches that now match: remove them from known-mismatches.json").toEqual([]);
  }, 1_800_000); // 15 min in CI beside the other packages' tests (3 min alone)
});
