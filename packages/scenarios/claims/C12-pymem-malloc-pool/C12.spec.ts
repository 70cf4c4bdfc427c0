// C12: "through PyMem_Malloc, every object under 256K is allocated in the pool", judged by asking the
// model's PyMem_Malloc which allocator serves each size.
import { type AllocatorProfile, PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { servedBy } from "../C11-allocator-layers/model.js";
import claim from "./claim.js";

/** The limit the claim states: 256K. */
const STATED_LIMIT = 256 * 1024;

const pooled = (p: AllocatorProfile, n: number) => servedBy(p, "PyMem_Malloc", n) === "pymalloc";

describe("C12: PyMem_Malloc pools everything under 256K", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    // Requests just under the stated limit are what the claim is about; anything pooled at all is a
    // partial truth only if the limit itself holds.
    const limitHolds = pooled(p, STATED_LIMIT - 1) && !pooled(p, STATED_LIMIT);
    const everyProbeBelowLimit = [1, 64, 512, 513, 4096, STATED_LIMIT - 1].every((n) => pooled(p, n));
    const verdict = limitHolds && everyProbeBelowLimit ? "holds" : limitHolds ? "partly" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("groups profiles by whether PyMem_Malloc reaches the pool at all", () => {
    for (const v of claim.verdicts) {
      const kinds = new Set(
        v.profiles.map((id) => pooled(PROFILES.find((p) => p.id === id) as AllocatorProfile, 64)),
      );
      expect([...kinds], v.profiles.join(" ")).toHaveLength(1);
    }
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the real limit is the threshold", (_id, p) => {
    if (!p.memDomainUsesPymalloc) return;
    expect(pooled(p, p.smallRequestThreshold)).toBe(true);
    expect(pooled(p, p.smallRequestThreshold + 1)).toBe(false);
  });
});
