// C19: "right after `lt2 = lt` the list's own count is 1", judged by the model for every profile.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, type VerdictKind, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { ARTICLE_SAYS, type C19Facts, c19Run } from "./model.js";

/** holds where the count is 1 in both scopes, wrong where it is 1 in neither, partly in between. */
function verdictOf(facts: C19Facts): VerdictKind {
  const says = [facts.module, facts.function].map((r) => r.count === ARTICLE_SAYS);
  if (says.every(Boolean)) return "holds";
  return says.some(Boolean) ? "partly" : "wrong";
}

describe("C19: the list's own count right after `lt2 = lt`", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const facts = c19Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    // Two names, two references; getrefcount adds its argument's unless 3.14+ borrows the local.
    expect(facts.module.count).toBe(2);
    expect(facts.module.getrefcount).toBe(facts.module.count + 1);
    const borrowed = facts.function.getrefcount === facts.function.count;
    expect(borrowed).toBe(p.python[0] * 100 + p.python[1] >= 314);
    expect(verdictFor(claim, id)?.verdict).toBe(verdictOf(facts));
  });
});
