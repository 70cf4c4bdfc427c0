// Whole-program replays: the pymalloc traffic of a real Python program (start-up included), recorded
// on each interpreter through allocator hooks and replayed on the model, must leave the model in the
// state CPython reports: the same arena lines and the same statistics text.
import { join } from "node:path";
import { Pymalloc, parseTrace, profile, replay } from "@pymem/core";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  buildHarness,
  candidateProfileIds,
  discoverNative,
  harnessUnsupportedReason,
  type Interpreter,
  interpreterName,
  runHarness,
} from "../src/index.js";

const PROGRAM = join(import.meta.dirname, "..", "programs", "json_roundtrip.py");
const drivable = (await discoverNative()).filter(
  (i) => i.allocator === "pymalloc" && !harnessUnsupportedReason(i),
);

describe("real program: json round trip", () => {
  it("has interpreters to record", (ctx) => {
    requireOrSkip(ctx, drivable.length > 0, "no native CPython 3.4+ found");
  });

  it.for(drivable.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s: replaying the recorded traffic gives the same statistics",
    { timeout: 300_000 },
    ([name, i], ctx) => {
      let harness: string;
      try {
        harness = buildHarness(i);
      } catch (e) {
        requireOrSkip(ctx, false, `cannot build the native harness for ${name}: ${(e as Error).message}`);
        return;
      }
      const run = runHarness(harness, "s\n", { program: PROGRAM, arenaMisalign: 4096 });
      const ops = parseTrace(run.startup);
      expect(ops.length).toBeGreaterThanOrEqual(1_000_000);
      const outputs = candidateProfileIds(i).map((id) => {
        const out: string[] = [];
        const pm = new Pymalloc(profile(id), { placement: { misalign: 4096 } });
        replay(pm, ops, (l) => {
          if (l.startsWith("# arena")) out.push(l);
        });
        replay(pm, [{ op: "s" }], (l) => out.push(l));
        return out.map((l) => `${l}\n`).join("");
      });
      expect(outputs).toContain(run.output);
    },
  );
});
