// C07: "reference counts of immutable objects are meaningless", judged on the model's run of
// witness.py.
import { PROFILES } from "@pymem/core";
import { runPython } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

/** The witness's lines for immutable objects: whether each one's count is "ordinary". */
const IMMUTABLE = [
  "the int 10 (immutable, cached):",
  "a float made at run time (immutable):",
  "a tuple made at run time (immutable):",
  "the int 1000 made at run time (immutable):",
];

describe("C07: counts of immutable objects", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C07", profileBuild(p));
    // A claim about every immutable value fails if plain ones (made at run time, shared by nothing) are
    // counted like any object: then the example's shared int is the exception, not the rule.
    const verdict = IMMUTABLE.some((label) => printedTruth(run, label)) ? "wrong" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
    // Immutability is not the dividing line: a mutable class is no more ordinary than the int 10.
    expect(printedTruth(run, "a class (mutable):")).toBe(false);
  });

  it.each(profiles)("%s: the reason says whether 10's count moves", (id, p) => {
    const moved = printedTruth(witnessOnModel("C07", profileBuild(p)), "  a second name changes it:");
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("it still moves by one per name")).toBe(moved);
  });

  // The fixed value the reason quotes (on 32-bit 3.14+ that of statically allocated immortals, 7 << 28).
  const immortalQuoted = PROFILES.filter((p) => p.python[1] >= 12).map((p) => [p.id, p] as const);
  it.each(immortalQuoted)("%s: the reason quotes the model's getrefcount(10)", (id, p) => {
    const { stdout } = runPython("import sys\na = 10\nprint(sys.getrefcount(a))\n", profileBuild(p));
    expect(verdictFor(claim, id)?.reason.en).toContain(stdout.trim());
  });
});
