// X01: "an id belongs to one object for good", judged by the model for every profile.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { x01Output, x01Run } from "./model.js";

describe("X01: is an id unique for good?", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const facts = x01Run(python(minorVersion(p), { pointerSize: p.pointerSize }), true);
    const reused = facts.temporariesShare || facts.freeListReuse || facts.pymalloc?.temporariesShare === true;
    // "Never" is broken by one ordinary program: a reused id makes the claim wrong, not partly.
    const expected = facts.liveObjectsDiffer && !reused ? "holds" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(expected);
  });

  // A line prints whether its label holds: a negated label printing False reads as the opposite.
  it("labels each printed truth as a plain statement, never a negated one", () => {
    const lines = x01Output("3.13", 8, true)
      .split("\n")
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

  it("reuse follows the type or the size class: a freed tuple's address never goes to a dict", () => {
    for (const p of PROFILES) {
      const facts = x01Run(python(minorVersion(p), { pointerSize: p.pointerSize }), true);
      expect([p.id, facts.otherTypeReuse]).toEqual([p.id, false]);
    }
  });
});
