/*
 * The model against Pyodide (CPython built for wasm32-emscripten, without pymalloc, never finalized):
 * the corpus programs on each Pyodide build and on the model of that build run as Pyodide runs a
 * program (platform "emscripten"), judged as the native differential judges (differential-report.ts).
 * A Pyodide run is a Node process that loads the interpreter (about 1.5 s), so the normal suite runs
 * a share of the corpus on each build (every program on two of the six, the borrow-* ones on all);
 * PYMEM_LONG=1 runs the whole corpus and 300 generated programs on every build.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { report } from "./differential-report.js";
import { renderProgram, samplePrograms } from "./fuzz/program-arbitrary.js";
import { corpusPrograms, judgeInterpreters, type PythonProgram, runPrograms } from "./native-programs.js";

const LONG = process.env.PYMEM_LONG === "1";
/** In the normal suite, build k of the list runs corpus program p when p % SHARES === k % SHARES. */
const SHARES = 3;
/** ...and every build runs these: 3.14+ borrowing shows only on Pyodide's 3.14 and 3.15. */
const onEveryBuild = (p: PythonProgram) => p.name.startsWith("borrow-");
const SEED = 20261206;

describe("@pymem/python against Pyodide", () => {
  it("answers every program exactly as Pyodide prints it, or refuses it", async (ctx) => {
    const interpreters = await judgeInterpreters("pyodide");
    requireOrSkip(ctx, interpreters.length > 0, "no Pyodide build found (pnpm install fetches them)");
    const corpus = corpusPrograms();
    const generated: PythonProgram[] = LONG
      ? samplePrograms(SEED, 300).map((p, k) => ({ name: `generated-${k}`, source: renderProgram(p) }))
      : [];
    const runs = [];
    for (const [k, interpreter] of interpreters.entries()) {
      const share = LONG ? corpus : corpus.filter((q, p) => p % SHARES === k % SHARES || onEveryBuild(q));
      // one run at a time: the other packages' tests share the machine (two cores) meanwhile
      runs.push(...(await runPrograms([...share, ...generated], [interpreter], { concurrency: 1 })));
    }
    const r = report([...corpus, ...generated], runs);
    process.stdout.write(`@pymem/python against Pyodide (${runs.length} runs):\n${r.table.join("\n")}\n`);
    mkdirSync(".reports", { recursive: true });
    writeFileSync(
      ".reports/python-differential-pyodide.json",
      `${JSON.stringify(Object.fromEntries(r.counts), null, 2)}\n`,
    );
    expect(r.invalid, "programs that do not run as they should on Pyodide").toEqual([]);
    expect(r.mismatches).toEqual([]);
    expect(r.fixed, "known mismatches that now match: remove them from known-mismatches.json").toEqual([]);
  }, 3_600_000);
});
