// The native side: a CPython whose PyObject_Malloc & co. can run before Py_Initialize (3.5 - 3.11:
// pymalloc's state is static there; 3.12+ would crash), and the C programs built against it.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildAgainst,
  discoverNative,
  harnessMode,
  harnessUnsupportedReason,
  type Interpreter,
} from "@pymem/oracle";
import type { Workload } from "./workload.js";

const nativeDir = join(dirname(fileURLToPath(import.meta.url)), "..", "native");

export interface Native {
  readonly interpreter: Interpreter;
  /** native/churn.c built against it */
  readonly churn: string;
  /** native/replay.c built against it */
  readonly replay: string;
}

/** The newest usable CPython with its programs built, or why there is none. */
export async function findNative(): Promise<Native | string> {
  const usable = (await discoverNative()).filter(
    (i) =>
      harnessUnsupportedReason(i) === undefined &&
      harnessMode(i) === "before-startup" &&
      i.versionInfo[0] === 3 &&
      i.versionInfo[1] >= 5, // PyObject_Calloc, which recorded traces use
  );
  const interpreter = usable.at(-1);
  if (!interpreter) return "no native CPython 3.5 - 3.11 with pymalloc found";
  try {
    return {
      interpreter,
      churn: buildAgainst(interpreter, join(nativeDir, "churn.c"), "churn"),
      replay: buildAgainst(interpreter, join(nativeDir, "replay.c"), "replay"),
    };
  } catch (e) {
    return `native build failed: ${(e as Error).message}`;
  }
}

/** Runs a program that prints one number per line; returns the numbers. */
export function runRepeats(program: string, args: string[]): number[] {
  const out = execFileSync(program, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  return out.trim().split("\n").map(Number);
}

export const churnArgs = (w: Workload, repeats: number): string[] =>
  [w.pattern, w.live, w.maxSize, w.steps, w.seed, repeats].map(String);
