// C10: "pools of equal-size blocks avoid malloc's fragmentation and slowness", judged by the model:
// whether small requests are served without a call below pymalloc, and whether pools fragment too.
import { type AllocatorProfile, PROFILES, Pymalloc } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { arenasMappedPerRound, fragmentationRun } from "./model.js";

/** 10000 small requests: how many raw (malloc) calls and arenas they cost. */
function poolingCost(p: AllocatorProfile) {
  const pm = new Pymalloc(p);
  for (let i = 0; i < 10_000; i++) pm.malloc(64);
  return { rawCalls: pm.raw.stats().mallocCalls, arenas: pm.ntimesArenaAllocated };
}

describe("C10: pools against malloc", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const cost = poolingCost(p);
    // The good part: one arena per many objects, no malloc per object.
    const pools = cost.rawCalls === 0 && cost.arenas <= Math.ceil((10_000 * 64) / p.arenaSize) + 1;
    // The claim's "less fragmentation": freeing nine in ten objects should give pools back.
    const run = fragmentationRun(p, minorVersion(p));
    const fragments = run.poolsEmptied * 20 < run.poolsTaken;
    const verdict = !pools ? "wrong" : fragments ? "partly" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("groups profiles by whether a churn of one arena maps it again every round", () => {
    for (const v of claim.verdicts) {
      const kinds = new Set(
        v.profiles.map((id) => arenasMappedPerRound(PROFILES.find((p) => p.id === id) as AllocatorProfile)),
      );
      expect([...kinds], v.profiles.join(" ")).toHaveLength(1);
    }
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))(
    "%s: a freed block serves only its own size class",
    (_id, p) => {
      const pm = new Pymalloc(p);
      const a = pm.malloc(64);
      pm.malloc(64); // keeps the pool in use
      pm.free(a);
      expect(pm.malloc(p.smallRequestThreshold)).not.toBe(a);
      expect(pm.malloc(64)).toBe(a);
    },
  );
});
