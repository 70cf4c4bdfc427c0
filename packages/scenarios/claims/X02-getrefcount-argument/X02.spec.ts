// X02: "getrefcount always counts its own argument", judged by the model for every profile.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { x02Run } from "./model.js";

describe("X02: does getrefcount count its own argument?", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const r = x02Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    // Loads that always take a new reference: one name, one attribute, one item, a global.
    expect([r.attribute, r.item, r.global, r.moduleLevel]).toEqual([2, 2, 2, 2]);
    const countsArgumentEverywhere = r.local === 2 && r.localTwice === 3;
    expect(verdictFor(claim, id)?.verdict).toBe(countsArgumentEverywhere ? "holds" : "partly");
  });

  it("a parameter carries one hidden reference more while the caller still holds the argument", () => {
    for (const p of PROFILES) {
      const r = x02Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
      const callerKeepsArgument = r.parameter === r.local + 1;
      expect([p.id, callerKeepsArgument]).toEqual([p.id, p.python[0] === 2 || p.python[1] <= 10]);
    }
  });
});
