// C13: "requests of up to 256 bytes are pooled, bigger ones go to malloc", judged by the model.
import { PROFILES, sizeClassOf } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import claim from "./claim.js";

describe("C13: the small-request threshold", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const pooled = (n: number) => sizeClassOf(p, n) !== undefined;
    // The claim holds exactly when 1..256 are pooled and 257 is not.
    const holds = pooled(1) && pooled(256) && !pooled(257);
    expect(verdictFor(claim, id)?.verdict).toBe(holds ? "holds" : "outdated");
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: size 0 is never pooled", (_id, p) => {
    expect(sizeClassOf(p, 0)).toBeUndefined();
  });
});
