/*
 * What a differential run concludes, shared by the native and the Pyodide differential: each run
 * judged (judge.ts), counted per interpreter, its wrong answers split into known ones
 * (known-mismatches.json, keyed by knownKey) and new ones, and the known ones that now match.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Interpreter, interpreterName } from "@pymem/oracle";
import { judge, type Verdict } from "./judge.js";
import { type ProgramRun, type PythonProgram, runsOn } from "./native-programs.js";

/** "program on X.Y" (native) or "program on X.Y-pyodide" → why the model is wrong there */
export const KNOWN: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(import.meta.dirname, "known-mismatches.json"), "utf8"),
);

/** The key a run's wrong answer has in known-mismatches.json. */
export function knownKey(program: string, i: Interpreter): string {
  const minor = i.versionInfo.slice(0, 2).join(".");
  return `${program} on ${minor}${i.kind === "pyodide" ? "-pyodide" : ""}`;
}

export interface DifferentialReport {
  /** one line per interpreter: "3.11.7  340 match, 33 refused, 4 wrong" */
  readonly table: string[];
  readonly counts: Map<string, Record<Verdict, number>>;
  /** programs that did not run as they should on the real interpreter */
  readonly invalid: string[];
  /** wrong answers known-mismatches.json does not list */
  readonly mismatches: string[];
  /** the new wrong answers' runs */
  readonly newWrong: ProgramRun[];
  /** listed wrong answers that now match (on the interpreters that ran) */
  readonly fixed: string[];
}

export function report(programs: readonly PythonProgram[], runs: readonly ProgramRun[]): DifferentialReport {
  const byName = new Map(programs.map((p) => [p.name, p]));
  const counts = new Map<string, Record<Verdict, number>>();
  const invalid: string[] = [];
  const mismatches: string[] = [];
  const newWrong: ProgramRun[] = [];
  const seen = new Set<string>();
  const judged = new Set<string>();
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
    const key = knownKey(run.program, run.interpreter);
    judged.add(key);
    if (j.verdict === "mismatch") {
      seen.add(key);
      if (!(key in KNOWN)) {
        mismatches.push(`${run.program} on ${name}: ${j.detail}`);
        newWrong.push(run);
      }
    }
  }
  const table = [...counts].map(
    ([name, c]) => `${name.padEnd(24)} ${c.match} match, ${c.refused} refused, ${c.mismatch} wrong`,
  );
  // a listed program counts as fixed only where it ran (the Pyodide suite runs a sample)
  const fixed = Object.keys(KNOWN).filter((k) => judged.has(k) && !seen.has(k));
  return { table, counts, invalid, mismatches, newWrong, fixed };
}
