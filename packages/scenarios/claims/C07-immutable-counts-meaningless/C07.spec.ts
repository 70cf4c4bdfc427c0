// C07: "reference counts of immutable objects are meaningless", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c07Run } from "./model.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C07: counts of immutable objects", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const f = c07Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const ordinary = Object.values(f.immutable).map((r) => r.ordinary);
    // A claim about every immutable value fails if plain ones (made at run time, shared by nothing) are
    // counted like any object: then the example's shared int is the exception, not the rule.
    const verdict = ordinary.some((o) => o) ? "wrong" : "holds";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
    // Immutability is not the dividing line: a mutable class is no more ordinary than the int 10.
    expect(f.mutableClass.ordinary).toBe(false);
  });

  it.each(profiles)("%s: the reason says whether 10's count moves", (id, p) => {
    const f = c07Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("it still moves by one per name")).toBe(f.immutable["int 10"]?.moved);
  });

  // The fixed value the reason quotes (on 32-bit 3.14+ that of statically allocated immortals, 7 << 28).
  const immortalQuoted = PROFILES.filter((p) => p.python[1] >= 12).map((p) => [p.id, p] as const);
  it.each(immortalQuoted)("%s: the reason quotes the model's getrefcount(10)", (id, p) => {
    const py = python(minorVersion(p), { pointerSize: p.pointerSize });
    py.assign("a", py.int(10));
    expect(verdictFor(claim, id)?.reason.en).toContain(String(py.sys.getrefcount("a")));
  });
});
