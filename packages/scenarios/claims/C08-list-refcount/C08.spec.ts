// C08: "a list with two names reports 3, and 2 after del", judged on the model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, printedNumber, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

describe("C08: getrefcount of a list with two names", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C08", profileBuild(p));
    expect([printedNumber(run, "module level:"), printedNumber(run, "after del lt2:")]).toEqual([3, 2]);
    const holdsEverywhere = printedAfter(run, "in a function:") === "3 2";
    expect(verdictFor(claim, id)?.verdict).toBe(holdsEverywhere ? "holds" : "partly");
  });
});
