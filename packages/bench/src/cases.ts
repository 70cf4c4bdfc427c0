// Which synthetic traces the benchmark runs (issue 8's list).
import type { Workload } from "./workload.js";

export const SEED = 12345;
export const CHURN_LIVE = [16, 1024, 65_536, 1_000_000, 10_000_000];
export const SIZES = [64, 256, 512];
/** Live sets too large for a smoke run. */
const QUICK_SKIPS = (live: number) => live >= 1_000_000;

export function syntheticCases(steps: number, quick: boolean): Workload[] {
  const cases: Workload[] = [];
  for (const maxSize of SIZES) {
    for (const live of CHURN_LIVE)
      if (!(quick && QUICK_SKIPS(live))) cases.push({ pattern: "churn", live, maxSize, steps, seed: SEED });
    cases.push({ pattern: "lifo", live: 0, maxSize, steps, seed: SEED });
  }
  // Realloc-heavy: blocks move between size classes (and stay put when the new size still fits).
  for (const live of [1024, 65_536])
    cases.push({ pattern: "realloc", live, maxSize: 512, steps, seed: SEED });
  return cases;
}
