/*
 * test/regressions/: generated programs the model answered wrong, shrunk and kept. The differential
 * saves one when it finds a new wrong answer; the corpus (corpusPrograms) runs every file there.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Interpreter, interpreterName } from "@pymem/oracle";
import { shrinkSampled } from "./fuzz/shrink.js";
import { disagreesOn } from "./judge.js";
import { REGRESSIONS_DIR } from "./native-programs.js";

/**
 * Shrinks generated program `index` of the sample drawn from `seed`, on which the model is wrong for
 * `interpreter`, and saves it as test/regressions/<X.Y>-<hash>.py with a header saying where it came
 * from. Returns what a failure should show: the file and the program.
 */
export async function saveRegression(seed: number, index: number, interpreter: Interpreter): Promise<string> {
  const name = interpreterName(interpreter);
  const shrunk = await shrinkSampled(disagreesOn(interpreter), seed, index);
  if (!shrunk) return `generated-${index}: the model was right on ${name} when it ran again`;
  const minor = interpreter.versionInfo.slice(0, 2).join(".");
  const file = `${minor}-${createHash("sha256").update(shrunk.source).digest("hex").slice(0, 8)}.py`;
  const header =
    `# Regression: the model answered this otherwise than ${name} (differential, seed ${seed},\n` +
    `# generated-${index}, shrunk by fast-check in ${shrunk.shrinks} steps).\n`;
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  writeFileSync(join(REGRESSIONS_DIR, file), header + shrunk.source);
  return `generated-${index} on ${name} shrinks to test/regressions/${file}:\n${shrunk.source}`;
}
