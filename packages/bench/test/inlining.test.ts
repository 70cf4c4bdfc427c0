// The model's hot paths inline into a benchmark-shaped loop under V8_INLINING_FLAGS (and some do not
// without them): a function that outgrows the flags would silently cost the benchmark a call a step.
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { V8_INLINING_FLAGS } from "@pymem/core";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

// Two loops shaped like workload.ts's (a fresh Node process each, so that feedback and code are
// its own): lifo runs malloc's and free's slow paths every step; churn over 100K blocks of 1-512
// bytes often frees into a full pool (insertToUsedpool) and fills one (poolExtend).
const SCRIPT = `
import { Pymalloc, profile } from "@pymem/core";
const pm = new Pymalloc(profile("3.11"));
let x = 12345;
function lifoLoop(n) {
  for (let s = 0; s < n; s++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    pm.free(pm.malloc(1 + (((x >>> 0) % 256) >>> 0)));
  }
}
const slots = new Float64Array(100000);
for (let i = 0; i < slots.length; i++) slots[i] = pm.malloc(1 + (i % 512));
function churnLoop(n) {
  for (let s = 0; s < n; s++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    const i = ((x >>> 0) % 100000) >>> 0;
    pm.free(slots[i]);
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    slots[i] = pm.malloc(1 + (((x >>> 0) % 512) >>> 0));
  }
}
for (let k = 0; k < 40; k++) lifoLoop(20000);
for (let k = 0; k < 40; k++) churnLoop(20000);
`;

/** What V8 inlined into each loop, from --trace-turbo-inlining. */
function inlinedInto(flags: readonly string[]): { lifo: Set<string>; churn: Set<string> } {
  const run = spawnSync(
    process.execPath,
    [...flags, "--trace-turbo-inlining", "--input-type=module", "-e", SCRIPT],
    { cwd: here, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Error(`node exited ${run.status}: ${run.stderr}`);
  const found = { lifo: new Set<string>(), churn: new Set<string>() };
  for (const m of run.stdout.matchAll(
    /^Inlining .*?<SharedFunctionInfo (\w+)>.* into .*?<SharedFunctionInfo (\w+)>/gm,
  )) {
    if (m[2] === "lifoLoop") found.lifo.add(m[1] as string);
    if (m[2] === "churnLoop") found.churn.add(m[1] as string);
  }
  return found;
}

describe("V8_INLINING_FLAGS", () => {
  it("are accepted by this Node", () => {
    const run = spawnSync(process.execPath, [...V8_INLINING_FLAGS, "-e", "0"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("inline malloc, free and their slow paths into the benchmark's loops; the defaults do not", () => {
    const flagged = inlinedInto(V8_INLINING_FLAGS);
    for (const f of ["malloc", "free", "allocateFromNewPool", "insertToFreepool"])
      expect(flagged.lifo, `lifo: ${f}`).toContain(f);
    for (const f of ["malloc", "free", "insertToUsedpool", "poolExtend"])
      expect(flagged.churn, `churn: ${f}`).toContain(f);
    // Why the flags exist: by default the lifo loop keeps allocateFromNewPool (583 bytes of
    // bytecode, over the 460-byte limit) a call. Should V8's defaults change, this says so.
    expect(inlinedInto([]).lifo).not.toContain("allocateFromNewPool");
  }, 60_000);
});
