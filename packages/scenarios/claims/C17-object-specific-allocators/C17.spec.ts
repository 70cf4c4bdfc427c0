// C17: "int, dict, list and str each have an allocator of their own (layer +3)", judged by which of
// them the model's session shows keeping its freed objects for itself.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c17Readings } from "./model.js";

const NAMED = ["int", "dict", "list", "str"] as const;
const readings = new Map<string, ReturnType<typeof c17Readings>>();
function read(p: (typeof PROFILES)[number]) {
  let r = readings.get(p.id);
  if (!r) {
    r = c17Readings(minorVersion(p), p.pointerSize);
    readings.set(p.id, r);
  }
  return r;
}
/** The named types that keep their own freed objects, e.g. "dict list". */
const ownAllocators = (p: (typeof PROFILES)[number]) => NAMED.filter((t) => read(p).keeps[t]).join(" ");

describe("C17: object-specific allocators for int, dict, list, str", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const own = NAMED.filter((t) => read(p).keeps[t]);
    const verdict = own.length === NAMED.length ? "holds" : own.length === 0 ? "wrong" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("groups profiles by which named types have an allocator of their own", () => {
    for (const v of claim.verdicts) {
      const kinds = new Set(
        v.profiles.map((id) => ownAllocators(PROFILES.find((p) => p.id === id) as (typeof PROFILES)[number])),
      );
      expect([...kinds], v.profiles.join(" ")).toHaveLength(1);
    }
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: str is only cached, never kept", (_id, p) => {
    const r = read(p);
    expect(r.keeps.str).toBe(false);
    expect([r.chr255, r.chr256, r.internedShared]).toEqual([true, false, true]);
  });
});
