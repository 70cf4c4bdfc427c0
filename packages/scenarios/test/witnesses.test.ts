// Every claim's witness.py run on every interpreter it applies to: its output must be what the model
// predicts for that interpreter. Claims tagged needs-pymalloc run on native builds with pymalloc only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { profile, profileForVersion } from "@pymem/core";
import {
  candidateProfileIds,
  discoverAll,
  type Interpreter,
  interpreterName,
  runWitness,
} from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { CLAIM_FOLDERS, CLAIMS, type WitnessTarget } from "../src/index.js";

const all = (await discoverAll()).filter((i) => !i.freeThreaded && !i.debugBuild);
const withPymalloc = all.filter((i) => i.kind === "native" && candidateProfileIds(i).length > 0);
const witnessed = CLAIMS.filter((c) => c.predictWitness);

/** The builds an interpreter may be: each candidate profile for pymalloc builds, else its version's. */
function targets(i: Interpreter): WitnessTarget[] {
  const ids = candidateProfileIds(i);
  const profiles =
    ids.length > 0 ? ids.map((id) => profile(id)) : [profileForVersion(i.version, i.pointerSize)];
  return profiles.map((p) => ({ profile: p, version: i.version, pointerSize: i.pointerSize }));
}

describe.each(witnessed.map((c) => [c.id, c] as const))("claim %s witness", (id, claim) => {
  const source = readFileSync(
    join(import.meta.dirname, "..", "claims", CLAIM_FOLDERS[id] as string, "witness.py"),
    "utf8",
  );
  const interpreters = claim.tags.includes("needs-pymalloc") ? withPymalloc : all;

  it("has interpreters to run on", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no CPython interpreter found for this witness");
  });

  it.for(interpreters.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s prints what the model predicts",
    { timeout: 60_000 },
    async ([, i]) => {
      const run = await runWitness(i, source);
      expect(run.status, run.stderr).toBe("ok");
      const predictions = targets(i).map((t) => claim.predictWitness?.(t));
      expect(predictions).toContain(run.stdout);
    },
  );
});
