// C15: "memory that went into the pool is never given back with free", judged by the model's arenas
// while the witness's objects are made and freed.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { arenaTrace } from "./model.js";

const traces = new Map<string, ReturnType<typeof arenaTrace>>();
/** The witness's run on the model, once per profile (each is 400,000 allocator calls). */
function trace(p: (typeof PROFILES)[number]) {
  let t = traces.get(p.id);
  if (!t) {
    t = arenaTrace(p, minorVersion(p));
    traces.set(p.id, t);
  }
  return t;
}

describe("C15: pool memory is never given back", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const t = trace(p);
    // "Never given back" is wrong as soon as freeing everything unmaps arenas; it held before 2.5.
    const givesBack = t.afterAll < t.peak;
    expect(verdictFor(claim, id)?.verdict).toBe(givesBack ? "outdated" : "holds");
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: one survivor per pool pins every arena", (_id, p) => {
    const t = trace(p);
    expect(t.afterNineTenths).toBe(t.peak);
  });

  it("groups profiles by how many empty arenas are kept", () => {
    for (const v of claim.verdicts) {
      const kept = new Set(
        v.profiles.map((id) => {
          const p = PROFILES.find((q) => q.id === id) as (typeof PROFILES)[number];
          const t = trace(p);
          return (t.afterAll - t.base) / p.arenaSize;
        }),
      );
      expect([...kept], v.profiles.join(" ")).toHaveLength(1);
    }
  });
});
