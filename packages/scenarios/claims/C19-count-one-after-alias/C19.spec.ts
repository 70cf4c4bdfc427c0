// C19: "right after `lt2 = lt` the list's own count is 1", judged on the model's run of witness.py,
// which reads the count from the list's header with ctypes.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { type VerdictKind, verdictFor } from "../../src/claim.js";
import { printedAfter, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

/** The count and getrefcount a line of the witness printed ("count 2 getrefcount 3"). */
function reading(text: string): { count: number; getrefcount: number } {
  const m = /^count (\d+) getrefcount (\d+)$/.exec(text);
  if (!m) throw new Error(`not a reading: ${text}`);
  return { count: Number(m[1]), getrefcount: Number(m[2]) };
}

describe("C19: the list's own count right after `lt2 = lt`", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C19", profileBuild(p));
    const module = reading(printedAfter(run, "module level:"));
    const inFunction = reading(printedAfter(run, "in a function:"));
    // Two names, two references; getrefcount adds its argument's unless 3.14+ borrows the local.
    expect(module.count).toBe(2);
    expect(module.getrefcount).toBe(module.count + 1);
    expect(inFunction.getrefcount === inFunction.count).toBe(p.python[0] * 100 + p.python[1] >= 314);
    // holds where the count is 1 in both scopes, wrong where it is 1 in neither, partly in between
    const says = [module, inFunction].map((r) => r.count === 1);
    const verdict: VerdictKind = says.every(Boolean) ? "holds" : says.some(Boolean) ? "partly" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });
});
