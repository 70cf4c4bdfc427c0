// C11: "memory goes through layers 0 (malloc), +1 (PyMem_ API), +2 (object allocator), +3", judged by
// asking the model which allocator serves each API and where pymalloc's arenas come from.
import { type AllocatorProfile, PROFILES, Pymalloc } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { mallocBytes, servedBy } from "./model.js";

/** The arrows of the picture that the model contradicts for this build. */
function departures(p: AllocatorProfile): string[] {
  const out: string[] = [];
  // +1: the PyMem_ API is the raw layer, served by C malloc.
  if (servedBy(p, "PyMem_Malloc", 64) !== "malloc") out.push("PyMem_Malloc is served by pymalloc");
  // +2 on 0: the object allocator takes its arenas from malloc.
  const pm = new Pymalloc(p);
  for (let i = 0; i < 10_000; i++) pm.malloc(64);
  if (pm.narenasCurrentlyAllocated > 0 && mallocBytes(pm) === 0) out.push("arenas bypass malloc");
  return out;
}

describe("C11: the allocator pyramid", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    // The object allocator (+2) must at least pool small objects for the picture to be partly right.
    const objectAllocatorPools = servedBy(p, "PyObject_Malloc", 64) === "pymalloc";
    const off = departures(p);
    const verdict = !objectAllocatorPools ? "wrong" : off.length === 0 ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("groups profiles by the same departures from the picture", () => {
    for (const v of claim.verdicts) {
      const kinds = new Set(
        v.profiles.map((id) => departures(PROFILES.find((p) => p.id === id) as AllocatorProfile).join("; ")),
      );
      expect([...kinds], v.profiles.join(" ")).toHaveLength(1);
    }
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: large objects fall through to malloc", (_id, p) => {
    expect(servedBy(p, "PyObject_Malloc", p.smallRequestThreshold + 1)).toBe("malloc");
  });
});
