// C08: "a list with two names reports 3, and 2 after del", judged by the model for every profile.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c08Readings } from "./model.js";

describe("C08: getrefcount of a list with two names", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const r = c08Readings(python(minorVersion(p), { pointerSize: p.pointerSize }));
    expect(r.module).toEqual([3, 2]);
    const holdsEverywhere = r.function[0] === 3 && r.function[1] === 2;
    expect(verdictFor(claim, id)?.verdict).toBe(holdsEverywhere ? "holds" : "partly");
  });
});
