// C02: "no declarations; type and memory are settled at run time", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c02Run } from "./model.js";

describe("C02: dynamic typing, names and memory", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const f = c02Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    // The claim about objects: one undeclared name takes any type, and sizes follow run-time values.
    const objectsPartHolds = new Set(f.kindsOfOneName).size === 3 && f.bytesForFiveItems > 0;
    // The explanation about variables: binding would have to make typed memory for the name.
    const variablesPartHolds = f.bindingCopies && !f.smallIntMadeBeforeRun;
    const verdict = !objectsPartHolds ? "wrong" : variablesPartHolds ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: an item costs one pointer", (_id, p) => {
    const f = c02Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    expect(f.bytesForFiveItems).toBe(5 * p.pointerSize);
  });
});
