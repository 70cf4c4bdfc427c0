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
import { mkdirSync, writeFileSync } from "node:fs";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { report } from "./differential-report.js";
import { renderProgram, samplePrograms } from "./fuzz/program-arbitrary.js";
import { corpusPrograms, judgeInterpreters, type PythonProgram, runPrograms } from "./native-programs.js";
import { saveRegression } from "./regressions.js";

/** generated programs per interpreter: 300 in the normal suite, ten times that with PYMEM_LONG=1 */
const GENERATED = process.env.PYMEM_LONG === "1" ? 3000 : 300;
const SEED = 20261206;
/** New wrong answers on generated programs shrunk per run (each shrink runs the interpreter ~50 times). */
const MAX_SHRINKS = 3;

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
    const r = report(programs, runs);
    process.stdout.write(
      `@pymem/python differential (${programs.length} programs):\n${r.table.join("\n")}\n`,
    );
    mkdirSync(".reports", { recursive: true });
    writeFileSync(
      ".reports/python-differential.json",
      `${JSON.stringify(Object.fromEntries(r.counts), null, 2)}\n`,
    );
    expect(r.invalid, "programs that do not run as they should on a real interpreter").toEqual([]);
    const shrunk: string[] = [];
    const generated = r.newWrong.flatMap((run) => {
      const m = /^generated-(\d+)$/.exec(run.program);
      return m ? [{ index: Number(m[1]), interpreter: run.interpreter }] : [];
    });
    for (const { index, interpreter } of generated.slice(0, MAX_SHRINKS))
      shrunk.push(await saveRegression(SEED, index, interpreter));
    expect([...r.mismatches, ...shrunk]).toEqual([]);
    expect(r.fixed, "known mismatches that now match: remove them from known-mismatches.json").toEqual([]);
  }, 1_800_000); // 15 min in CI beside the other packages' tests (3 min alone)
});
