// C09: "getrefcount is 2 and del runs __del__ before the next line", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c09Run } from "./model.js";

describe("C09: __del__ runs when the last reference goes", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const r = c09Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const atModuleLevel = r.module === 2 && r.delBeforeNextLine;
    // True at module level; where a function reads another count (3.14's borrowed loads), only partly.
    const verdict = !atModuleLevel ? "wrong" : r.function === 2 ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the reason names the deallocator", (id, p) => {
    const r = c09Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("instance_dealloc")).toBe(r.classic);
  });
});
