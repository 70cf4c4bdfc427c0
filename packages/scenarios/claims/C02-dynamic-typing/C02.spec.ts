// C02: "no declarations; type and memory are settled at run time", judged on the model's run of
// witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

/** The bytes getsizeof adds for 5 more list items, from "bytes for 5 more list items: 40". */
function bytesForFiveItems(stdout: string): number {
  const m = /^5 more list items: (\d+)$/.exec(printedAfter({ stdout }, "bytes for"));
  if (!m) throw new Error("the witness's list-size line changed");
  return Number(m[1]);
}

describe("C02: dynamic typing, names and memory", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C02", profileBuild(p));
    const kinds = run.stdout.split("\n").filter((l) => l.startsWith("x names a "));
    // The claim about objects: one undeclared name takes any type, and sizes follow run-time values.
    const objectsPartHolds = new Set(kinds).size === 3 && bytesForFiveItems(run.stdout) > 0;
    // The explanation about variables: binding would have to make typed memory for the name, and a
    // value would get its memory at the line that asks for it (int('7') is made at start-up instead).
    const variablesPartHolds =
      printedTruth(run, "y = x makes a new object:") &&
      !printedTruth(run, "int('7') made twice is one object:");
    const verdict = !objectsPartHolds ? "wrong" : variablesPartHolds ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: an item costs one pointer", (_id, p) => {
    expect(bytesForFiveItems(witnessOnModel("C02", profileBuild(p)).stdout)).toBe(5 * p.pointerSize);
  });
});
