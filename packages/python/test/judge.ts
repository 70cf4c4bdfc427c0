/*
 * One program, one real interpreter's run of it, and the model's answer for that interpreter's build:
 * the same judgement for the differential, the shrinker and the mutation test.
 */
import { candidateProfileIds, type Interpreter, type RunResult } from "@pymem/oracle";
import {
  type RunResult as ModelResult,
  type PythonModelError,
  PythonSyntaxError,
  runPython,
  UnsupportedError,
  type VersionRules,
} from "@pymem/python";
import { runPrograms } from "./native-programs.js";

/** match: the model printed what the interpreter printed; refused: it said so at a line; else mismatch. */
export type Verdict = "match" | "refused" | "mismatch";

export interface Judged {
  readonly verdict: Verdict;
  readonly detail: string;
}

/** The model's answer for `real` (a run of `source` on `interpreter`), `rules` replacing some of its rules. */
export function judge(
  source: string,
  interpreter: Interpreter,
  real: RunResult,
  rules?: Partial<VersionRules>,
): Judged {
  const realException = real.exitCode === 1 ? (real.stderr.trim().split("\n").at(-1) ?? "") : undefined;
  // the build most likely first (pyenv's 3.6.15: its 16-byte alignment patch); a debug build's is its
  // release's, with debugBuild
  const release = { ...interpreter, debugBuild: false };
  const allocatorProfile = interpreter.kind === "native" ? candidateProfileIds(release)[0] : undefined;
  let model: ModelResult;
  try {
    model = runPython(source, {
      version: interpreter.versionInfo.join("."),
      pointerSize: interpreter.pointerSize,
      platform: interpreter.platform,
      ...(allocatorProfile ? { allocatorProfile } : {}),
      ...(interpreter.debugBuild ? { debugBuild: true } : {}),
      ...(rules ? { rules } : {}),
    });
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

/** Whether the model (with `rules`, if given) answers `source` otherwise than `interpreter` prints it. */
export function disagreesOn(
  interpreter: Interpreter,
  rules?: Partial<VersionRules>,
): (source: string) => Promise<boolean> {
  return async (source) => {
    const [run] = await runPrograms([{ name: "candidate", source }], [interpreter], { concurrency: 1 });
    if (!run) throw new Error("no run");
    return judge(source, interpreter, run.result, rules).verdict === "mismatch";
  };
}
