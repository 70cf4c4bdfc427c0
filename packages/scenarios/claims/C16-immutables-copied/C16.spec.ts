// C16: "numbers, strings and tuples are copied on assignment and re-allocated when they change",
// judged on the model's run of witness.py: does assignment bind, or copy?
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

/** The True/False values a witness line printed after `label`, in order. */
function truths(stdout: string, label: string): boolean[] {
  return [...printedAfter({ stdout }, label).matchAll(/\b(True|False)\b/g)].map((m) => m[1] === "True");
}

describe("C16: simple objects are copied on assignment", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const { stdout } = witnessOnModel("C16", profileBuild(p));
    const shared = (name: string) => truths(stdout, `${name}: after b = a, one object:`)[0];
    // A copy at assignment would give b an object of its own; binding gives it the same one.
    const copiedOnAssignment = ["int", "str", "tuple"].some((name) => !shared(name));
    // The claim singles out simple objects; if a rebound list behaves the same, nothing is special.
    const listSharedAfter = truths(stdout, "list: after a = a + ..., one object:")[0];
    const simpleObjectsSpecial = shared("list") !== true || listSharedAfter;
    const verdict = copiedOnAssignment && simpleObjectsSpecial ? "holds" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: a list changed in place stays shared", (_id, p) => {
    const { stdout } = witnessOnModel("C16", profileBuild(p));
    expect(truths(stdout, "list: after a += [1], one object:")).toEqual([true, true]);
  });

  it.each(profiles)("%s: a cached int comes back as the same object", (_id, p) => {
    const { stdout } = witnessOnModel("C16", profileBuild(p));
    expect(truths(stdout, "int 200: after a = a + 1 and a = a - 1, one object again:")).toEqual([true]);
  });
});
