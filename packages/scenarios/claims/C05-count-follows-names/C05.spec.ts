// C05: "a new object bound to a name counts 1, and each name adds or removes 1", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c05Run } from "./model.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C05: the counting rule", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const f = c05Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const [one, two, back] = f.moduleLevel;
    const ruleOnNewObjects = one === 1 && two === one + 1 && back === one;
    const noException = f.inFunction === 1 && f.smallIntCountsOne && f.smallIntAddsOne && f.internedCountsOne;
    const verdict = !ruleOnNewObjects ? "wrong" : noException ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: the reason names the exceptions the model finds", (id, p) => {
    const f = c05Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("LOAD_FAST_BORROW")).toBe(f.inFunction !== 1);
    expect(reason.includes("immortal (PEP 683)")).toBe(!f.smallIntAddsOne);
  });

  // 2.7 has no sys.intern: there it is the builtin intern.
  it("2.7's reason names the builtin intern, the function 2.7 has", () => {
    const reason = verdictFor(claim, "2.7")?.reason;
    expect(reason?.en).toContain("builtin intern");
    expect(reason?.zh).toContain("内置函数 intern");
  });

  // gh-113993 is in Misc/NEWS.d/3.12.7.rst, not in 3.12.6's notes: 3.12.6 still makes them immortal.
  it("3.12's reason tells 3.12.0 – 3.12.6 from 3.12.7+ for interned strings", () => {
    const early = c05Run(python("3.12.6")).internedCountsOne;
    const late = c05Run(python("3.12.7")).internedCountsOne;
    expect(early).toBe(false);
    expect(late).toBe(true);
    for (const text of [verdictFor(claim, "3.12")?.reason.en, verdictFor(claim, "3.12")?.reason.zh]) {
      expect(text).toContain("3.12.0 – 3.12.6");
      expect(text).toContain("3.12.7");
    }
  });
});
