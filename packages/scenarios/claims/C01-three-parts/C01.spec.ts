// C01: "memory management is three parts: GC, reference counting, memory pools", judged on the
// model's run of witness.py (traced, for what memory did at each line).
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import {
  aroundStatement,
  printedNumber,
  printedTruth,
  profileBuild,
  witnessOnModel,
} from "../../src/witness-model.js";
import claim from "./claim.js";

describe("C01: the three parts of memory management", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C01", profileBuild(p), { trace: true });
    const lines = run.stdout.split("\n");
    // Reference counting: __del__ ran inside `del t`, before the next statement printed.
    const countsFreeAtOnce = lines.indexOf("  __del__ runs") === lines.indexOf("  next statement") - 1;
    // The collector: the list holding itself outlived del, and gc.collect() found it.
    const cycleNeedsCollector = printedNumber(run, "  gc.collect() found") > 0;
    // The pools: making the instance took pymalloc blocks.
    const made = aroundStatement(run, "C01", "t = Tracked()");
    const instanceFromPools = made.after.allocatedBlocks > made.before.allocatedBlocks;
    const allThreeAtWork = countsFreeAtOnce && cycleNeedsCollector && instanceFromPools;
    // A fourth mechanism the split leaves out: a freed float kept by its type's free list, outside
    // the pools, and handed to the next float.
    const freed = aroundStatement(run, "C01", "del x");
    const floatKeptOutsidePools =
      freed.after.allocatedBlocks === freed.before.allocatedBlocks &&
      (freed.after.freeLists.float ?? 0) > (freed.before.freeLists.float ?? 0);
    const moreThanThree = printedTruth(run, "  the next float gets its memory:") && floatKeptOutsidePools;
    const verdict = !allThreeAtWork ? "wrong" : moreThanThree ? "partly" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });
});
