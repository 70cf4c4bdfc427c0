// C09: "getrefcount is 2 and del runs __del__ before the next line", judged on the model's run of
// witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedNumber, printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C09: __del__ runs when the last reference goes", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C09", profileBuild(p));
    // Both `del p` lines print "__del__ runs" at once: before the "over" that follows each.
    const lines = run.stdout.split("\n");
    const delBeforeNextLine =
      lines.filter((l, k) => l === "over" && lines[k - 1] === "__del__ runs").length === 2;
    const atModuleLevel = printedNumber(run, "module level, getrefcount:") === 2 && delBeforeNextLine;
    // True at module level; where a function reads another count (3.14's borrowed loads), only partly.
    const inFunction = printedNumber(run, "in a function, getrefcount:");
    const verdict = !atModuleLevel ? "wrong" : inFunction === 2 ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: the reason names the deallocator", (id, p) => {
    const classic = printedTruth(witnessOnModel("C09", profileBuild(p)), "a classic (old-style) class:");
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("instance_dealloc")).toBe(classic);
  });
});
