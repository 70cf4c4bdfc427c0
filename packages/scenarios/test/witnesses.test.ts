// Every claim's witness.py run on every native interpreter: its output must be what the model
// predicts for the profile of that interpreter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { profile } from "@pymem/core";
import {
  candidateProfileIds,
  discoverNative,
  type Interpreter,
  interpreterName,
  runPython,
} from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { CLAIM_FOLDERS, CLAIMS } from "../src/index.js";

const interpreters = (await discoverNative()).filter((i) => candidateProfileIds(i).length > 0);
const witnessed = CLAIMS.filter((c) => c.predictWitness);

describe.each(witnessed.map((c) => [c.id, c] as const))("claim %s witness", (id, claim) => {
  const source = readFileSync(
    join(import.meta.dirname, "..", "claims", CLAIM_FOLDERS[id] as string, "witness.py"),
    "utf8",
  );

  it("has interpreters to run on", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython with pymalloc found");
  });

  it.each(interpreters.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s prints what the model predicts",
    async (_name, i) => {
      const run = await runPython(i.executable, source);
      expect(run.status, run.stderr).toBe("ok");
      const predictions = candidateProfileIds(i).map((pid) => claim.predictWitness?.(profile(pid)));
      expect(predictions).toContain(run.stdout);
    },
  );
});
