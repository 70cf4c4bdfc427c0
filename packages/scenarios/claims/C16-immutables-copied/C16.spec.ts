// C16: "numbers, strings and tuples are copied on assignment and re-allocated when they change",
// judged by what assignment does in the model: bind, or copy.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c16Readings } from "./model.js";

describe("C16: simple objects are copied on assignment", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const r = c16Readings(minorVersion(p), p.pointerSize);
    const immutables = r.cases.filter((c) => c.name !== "list");
    // A copy at assignment would give b an object of its own; binding gives it the same one.
    const copiedOnAssignment = immutables.some((c) => !c.shared);
    // The claim singles out simple objects; if a rebound list behaves the same, nothing is special.
    const list = r.cases.find((c) => c.name === "list");
    const simpleObjectsSpecial = list?.shared !== true || list.sharedAfter;
    const verdict = copiedOnAssignment && simpleObjectsSpecial ? "holds" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: a list changed in place stays shared", (_id, p) => {
    const r = c16Readings(minorVersion(p), p.pointerSize);
    expect(r.inPlace).toEqual({ shared: true, bChanged: true });
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))(
    "%s: a cached int comes back as the same object",
    (_id, p) => {
      const r = c16Readings(minorVersion(p), p.pointerSize);
      expect(r.backAgain.find((b) => b.start === 200)?.shared).toBe(true);
    },
  );
});
