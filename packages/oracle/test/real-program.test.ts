// Whole-program replays: the pymalloc traffic of a real Python program (start-up included), recorded
// on each interpreter through allocator hooks and replayed on the model, must leave the model in the
// state CPython reports: the same arena lines and the same statistics text (on 2.7, which has none,
// the same placement of a probe of fresh blocks in every size class).
import { join } from "node:path";
import { formatTrace, parseTrace, type TraceOp } from "@pymem/core";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  candidateProfileIds,
  harnessHasStats,
  harnessUnsupportedReason,
  type Interpreter,
  interpreterName,
  runHarness,
} from "../src/index.js";
import { harnessOrSkip, modelOutput } from "./support/harness.js";
import { nativeAndArchive } from "./support/judges.js";

const PROGRAM = join(import.meta.dirname, "..", "programs", "json_roundtrip.py");
const drivable = (await nativeAndArchive()).interpreters.filter(
  (i) => i.allocator === "pymalloc" && !harnessUnsupportedReason(i),
);

/**
 * What is compared after the program: the statistics text, or where it does not exist (2.7 release
 * builds) where 20 fresh blocks of every size from 8 to 512 bytes land.
 */
function probeFor(i: Interpreter): TraceOp[] {
  if (harnessHasStats(i)) return [{ op: "s" }];
  const ops: TraceOp[] = [];
  for (let size = 8; size <= 512; size += 8)
    for (let k = 0; k < 20; k++) ops.push({ op: "a", id: ops.length, size });
  return ops;
}

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
      const probe = probeFor(i);
      const run = runHarness(harness, formatTrace(probe), { program: PROGRAM, arenaMisalign: 4096 });
      const ops = parseTrace(run.startup);
      expect(ops.length).toBeGreaterThanOrEqual(1_000_000);
      const outputs = candidateProfileIds(i).map((id) => modelOutput(id, probe, 4096, ops));
      expect(outputs).toContain(run.output);
    },
  );
});
