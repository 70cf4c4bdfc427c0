// X02: "getrefcount always counts its own argument", judged on the model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedNumber, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

/** What getrefcount showed for each object the witness binds once (twice for the last local). */
function readings(p: (typeof PROFILES)[number]) {
  const run = witnessOnModel("X02", profileBuild(p));
  const n = (label: string) => printedNumber(run, label);
  return {
    local: n("a local bound once:"),
    parameter: n("a parameter:"),
    attribute: n("an attribute:"),
    item: n("an item of a list:"),
    global: n("a global bound once:"),
    localTwice: n("a local bound twice:"),
    moduleLevel: n("the global, at module level:"),
  };
}

describe("X02: does getrefcount count its own argument?", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const r = readings(p);
    // Loads that always take a new reference: one name, one attribute, one item, a global.
    expect([r.attribute, r.item, r.global, r.moduleLevel]).toEqual([2, 2, 2, 2]);
    const countsArgumentEverywhere = r.local === 2 && r.localTwice === 3;
    expect(verdictFor(claim, id)?.verdict).toBe(countsArgumentEverywhere ? "holds" : "partly");
  });

  it("a parameter carries one hidden reference more while the caller still holds the argument", () => {
    for (const p of PROFILES) {
      const r = readings(p);
      const callerKeepsArgument = r.parameter === r.local + 1;
      expect([p.id, callerKeepsArgument]).toEqual([p.id, p.python[0] === 2 || p.python[1] <= 10]);
    }
  });
});
