/*
 * The model against real CPython: every corpus program (test/programs/) and a sample of generated
 * programs (test/fuzz/) runs on each native interpreter and on the model of that interpreter's
 * build. Where the model answers, its stdout and exit status must be the interpreter's, byte for
 * byte; where it refuses (UnsupportedError), it has said so at a line and answered nothing, which
 * is allowed and counted. A wrong answer fails the test, unless known-mismatches.json lists it
 * (a model bug found and not fixed yet, with what is known of its cause); an entry that no longer
 * mismatches fails the test too, so that the list only shrinks.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { interpreterName } from "@pymem/oracle";
import { type PythonModelError, PythonSyntaxError, runPython, UnsupportedError } from "@pymem/python";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { renderProgram, samplePrograms } from "./fuzz/program-arbitrary.js";
import {
  corpusPrograms,
  judgeInterpreters,
  type ProgramRun,
  type PythonProgram,
  runPrograms,
  runsOn,
} from "./native-programs.js";

/** generated programs per interpreter: 300 in the normal suite, ten times that with PYMEM_LONG=1 */
const GENERATED = process.env.PYMEM_LONG === "1" ? 3000 : 300;
const SEED = 20261206;

/** "program on X.Y" → why the model is wrong there */
const KNOWN: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(import.meta.dirname, "known-mismatches.json"), "utf8"),
);

type Verdict = "match" | "refused" | "mismatch";

interface Judged {
  readonly verdict: Verdict;
  readonly detail: string;
}

function judge(program: PythonProgram, run: ProgramRun): Judged {
  const i = run.interpreter;
  const real = run.result;
  const realException = real.exitCode === 1 ? (real.stderr.trim().split("\n").at(-1) ?? "") : undefined;
  let model: ReturnType<typeof runPython>;
  try {
    model = runPython(program.source, { version: i.versionInfo.join("."), pointerSize: i.pointerSize });
  } catch (e) {
    if (e instanceof PythonSyntaxError) {
      const agrees = real.exitCode === 1 && /(Syntax|Indentation)Error/.test(real.stderr);
      return {
        verdict: agrees ? "match" : "mismatch",
        detail: `model: ${e.message}; real exit ${real.exitCode}`,
      };
    }
    if (e instanceof UnsupportedError) return { verdict: "refused", detail: e.message };
    return { verdict: "mismatch", detail: `model failed: ${(e as PythonModelError).message ?? String(e)}` };
  }
  const same =
    model.stdout === real.stdout && model.exitCode === real.exitCode && model.exception === realException;
  if (same) return { verdict: "match", detail: "" };
  return {
    verdict: "mismatch",
    detail: `stdout real ${JSON.stringify(real.stdout.slice(0, 400))}\n     model ${JSON.stringify(model.stdout.slice(0, 400))}\n     exit real ${real.exitCode} ${realException ?? ""} / model ${model.exitCode} ${model.exception ?? ""}`,
  };
}

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
      const j = judge(program, run);
      c[j.verdict]++;
      counts.set(name, c);
      const key = `${run.program} on ${run.interpreter.versionInfo.slice(0, 2).join(".")}`;
      if (j.verdict === "mismatch") {
        seen.add(key);
        if (!(key in KNOWN)) mismatches.push(`${run.program} on ${name}: ${j.detail}`);
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
    expect(mismatches).toEqual([]);
    const fixed = Object.keys(KNOWN).filter(
      (k) =>
        !seen.has(k) && interpreters.some((i) => k.endsWith(` on ${i.versionInfo.slice(0, 2).join(".")}`)),
    );
    expect(fixed, "known mismatches that now match: remove them from known-mismatches.json").toEqual([]);
  }, 1_800_000); // 15 min in CI beside the other packages' tests (3 min alone)
});
