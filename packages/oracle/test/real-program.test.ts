// Whole-program replays: the pymalloc traffic of a real Python program (start-up included), recorded
// on each interpreter through allocator hooks and replayed on the model, must leave the model in the
// state CPython reports: the same arena lines and the same statistics text.
import { join } from "node:path";
import { parseTrace } from "@pymem/core";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  candidateProfileIds,
  discoverNative,
  harnessCanRecord,
  harnessUnsupportedReason,
  type Interpreter,
  interpreterName,
  runHarness,
} from "../src/index.js";
import { harnessOrSkip, modelOutput } from "./support/harness.js";

const PROGRAM = join(import.meta.dirname, "..", "programs", "json_roundtrip.py");
// The program is Python 3, and recording needs PyMem_SetAllocator (3.4+).
const drivable = (await discoverNative()).filter(
  (i) => i.allocator === "pymalloc" && !harnessUnsupportedReason(i) && harnessCanRecord(i),
);

describe("real program: json round trip", () => {
  it("has interpreters to record", (ctx) => {
    requireOrSkip(ctx, drivable.length > 0, "no native CPython 3.4+ found");
  });

  it.for(drivable.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s: replaying the recorded traffic gives the same statistics",
    { timeout: 300_000 },
    ([_name, i], ctx) => {
      const harness = harnessOrSkip(i, ctx);
      if (harness === undefined) return;
      const run = runHarness(harness, "s\n", { program: PROGRAM, arenaMisalign: 4096 });
      const ops = parseTrace(run.startup);
      expect(ops.length).toBeGreaterThanOrEqual(1_000_000);
      const outputs = candidateProfileIds(i).map((id) => modelOutput(id, [{ op: "s" }], 4096, ops));
      expect(outputs).toContain(run.output);
    },
  );
});
