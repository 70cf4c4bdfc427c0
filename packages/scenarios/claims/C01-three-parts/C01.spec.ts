// C01: "memory management is three parts: GC, reference counting, memory pools", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c01Run } from "./model.js";

describe("C01: the three parts of memory management", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const f = c01Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const allThreeAtWork = f.countsFreeAtOnce && f.cycleNeedsCollector && f.instanceFromPools;
    // A fourth mechanism the split leaves out: memory kept by a type's free list, outside the pools.
    const moreThanThree = f.floatMemoryReused && f.floatKeptOutsidePools;
    const verdict = !allThreeAtWork ? "wrong" : moreThanThree ? "partly" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });
});
