// X01: "an id belongs to one object for good", judged on the model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("X01: is an id unique for good?", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("X01", profileBuild(p));
    const liveObjectsDiffer = !printedTruth(run, "two live lists with equal items, same id:");
    const reused =
      printedTruth(run, "id([]) == id([]):") ||
      printedTruth(run, "a new list takes the id of the list freed just before:") ||
      printedTruth(run, "id(object()) == id(object()):");
    // "Never" is broken by one ordinary program: a reused id makes the claim wrong, not partly.
    const expected = liveObjectsDiffer && !reused ? "holds" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(expected);
  });

  // A line prints whether its label holds: a negated label printing False reads as the opposite.
  it("labels each printed truth as a plain statement, never a negated one", () => {
    const lines = witnessOnModel("X01", { version: "3.13", pointerSize: 8 })
      .stdout.split("\n")
      .filter((l) => /: (True|False)$/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => /\b(not|never|no)\b/.test(l.replace(/: (True|False)$/, "")))).toEqual([]);
  });

  // 3.14's int free list holds ints outside the small-int cache: -5..256 are immortal, never freed.
  it("does not call 3.14's int free list small ints", () => {
    const reason = verdictFor(claim, "3.14")?.reason;
    expect(reason?.en).not.toMatch(/small ints/);
    expect(reason?.en).toContain("outside the small-int cache");
    expect(reason?.zh).toContain("小整数缓存之外");
  });

  it.each(profiles)(
    "%s: reuse follows the type or the size class: a freed tuple's id never goes to a dict",
    (_id, p) => {
      expect(
        printedTruth(witnessOnModel("X01", profileBuild(p)), "a new dict takes the id of a freed tuple:"),
      ).toBe(false);
    },
  );
});
