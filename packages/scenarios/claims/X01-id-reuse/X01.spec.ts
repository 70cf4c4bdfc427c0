// X01: "an id belongs to one object for good", judged by the model for every profile.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { x01Run } from "./model.js";

describe("X01: is an id unique for good?", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const facts = x01Run(python(minorVersion(p), { pointerSize: p.pointerSize }), true);
    const reused = facts.temporariesShare || facts.freeListReuse || facts.pymalloc?.temporariesShare === true;
    const expected = !facts.liveObjectsDiffer ? "wrong" : reused ? "partly" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(expected);
  });

  it("reuse follows the type or the size class: a freed tuple's address never goes to a dict", () => {
    for (const p of PROFILES) {
      const facts = x01Run(python(minorVersion(p), { pointerSize: p.pointerSize }), true);
      expect([p.id, facts.otherTypeReuse]).toEqual([p.id, false]);
    }
  });
});
