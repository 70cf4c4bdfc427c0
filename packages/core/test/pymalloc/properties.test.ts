// Random traces (fills, drains, reallocs, every size class, raw sizes) on every profile, with the
// invariant checker after every operation. PYMEM_LONG=1 runs ten times as many.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocatedBlocks,
  checkInvariants,
  debugMallocStats,
  PROFILES,
  Pymalloc,
  printone,
  profile,
  replay,
  type TraceOp,
} from "../../src/index.js";
import { traceArbitrary } from "../../src/trace/arbitrary.js";

const LONG = process.env.PYMEM_LONG === "1";
/** Operations per profile: at least 100k in the normal suite. */
const OPS_PER_PROFILE = (LONG ? 10 : 1) * 100_000;
const OPS_PER_TRACE = 8000;

function runChecked(id: string, ops: readonly TraceOp[]): string[] {
  const pm = new Pymalloc(profile(id), { placement: { misalign: 4096 } });
  const out: string[] = [];
  replay(pm, ops, (l) => out.push(l), {
    afterEach: (_i, address, previous) => checkInvariants(pm, { focus: [address, previous] }),
  });
  checkInvariants(pm);
  // The stats add up: every byte of every arena is accounted for exactly once.
  const stats = debugMallocStats(pm);
  const narenas = pm.narenasCurrentlyAllocated;
  expect(stats).toContain(printone("Total", narenas * pm.arenaSize));
  expect(allocatedBlocks(pm)).toBe(pm.raw.stats().liveBlocks + sumCounts(pm));
  return out;
}

function sumCounts(pm: Pymalloc): number {
  let n = 0;
  for (let i = pm.nbClasses; i < pm.poolBase.length; i++) n += pm.poolCount(i);
  return n;
}

describe.each(PROFILES.map((p) => p.id))("profile %s under random traces", (id) => {
  it(`keeps every invariant after each of ≥ ${OPS_PER_PROFILE} operations`, { timeout: 300_000 }, () => {
    let total = 0;
    while (total < OPS_PER_PROFILE) {
      fc.assert(
        fc.property(
          traceArbitrary({ maxOps: OPS_PER_TRACE, maxBurst: 3000, stats: false, allocatedBlocks: false }),
          (ops) => {
            total += ops.length;
            runChecked(id, ops);
          },
        ),
        // A failure shrinks for at most 30 s (each step replays the trace with full checks), then is
        // reported with the smallest counterexample found so far. Runs cut short by the limit before
        // any failure (a loaded CI machine) are not a failure: the loop runs more until the count is
        // reached.
        { numRuns: 10, interruptAfterTimeLimit: 30_000 },
      );
    }
    expect(total).toBeGreaterThanOrEqual(OPS_PER_PROFILE);
  });
});

describe("usable_arenas ordering", () => {
  it("the ≤3.7 linear walk and 3.8's nfp2lasta make the same decisions", { timeout: 120_000 }, () => {
    const walk = profile("3.7");
    const table = { ...walk, id: "3.7+nfp2lasta", arenaReordering: "nfp2lasta" as const };
    fc.assert(
      fc.property(traceArbitrary({ maxOps: 3000, maxInstructions: 300 }), (ops) => {
        const a: string[] = [];
        const b: string[] = [];
        replay(new Pymalloc(walk), ops, (l) => a.push(l));
        replay(new Pymalloc(table), ops, (l) => b.push(l));
        expect(a).toEqual(b);
      }),
      { numRuns: 40 },
    );
  });
});
