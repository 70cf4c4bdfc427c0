// C17: "int, dict, list and str each have an allocator of their own (layer +3)", judged by which of
// them the model's run of witness.py shows keeping its freed objects for itself.
import { PROFILES } from "@pymem/core";
import type { RunResult } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const NAMED = ["int", "dict", "list", "str"] as const;
type Profile = (typeof PROFILES)[number];

const runs = new Map<string, RunResult>();
function run(p: Profile): RunResult {
  let r = runs.get(p.id);
  if (!r) {
    r = witnessOnModel("C17", profileBuild(p));
    runs.set(p.id, r);
  }
  return r;
}
const keeps = (p: Profile, type: string) => printedTruth(run(p), `${type} keeps its freed objects:`);
/** The named types that keep their own freed objects, e.g. "dict list". */
const ownAllocators = (p: Profile) => NAMED.filter((t) => keeps(p, t)).join(" ");

describe("C17: object-specific allocators for int, dict, list, str", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const own = NAMED.filter((t) => keeps(p, t));
    const verdict = own.length === NAMED.length ? "holds" : own.length === 0 ? "wrong" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("groups profiles by which named types have an allocator of their own", () => {
    for (const v of claim.verdicts) {
      const kinds = new Set(
        v.profiles.map((id) => ownAllocators(PROFILES.find((p) => p.id === id) as Profile)),
      );
      expect([...kinds], v.profiles.join(" ")).toHaveLength(1);
    }
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: str is only cached, never kept", (_id, p) => {
    expect(keeps(p, "str")).toBe(false);
    expect(printedAfter(run(p), "chr(255) is chr(255):")).toBe("True; chr(256) is chr(256): False");
    expect(printedAfter(run(p), "equal strings made apart are one object:")).toBe(
      "False; after intern: True",
    );
  });
});
