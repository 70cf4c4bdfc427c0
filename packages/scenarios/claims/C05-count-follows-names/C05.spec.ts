// C05: "a new object bound to a name counts 1, and each name adds or removes 1", judged on the
// model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedNumber, printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C05: the counting rule", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C05", profileBuild(p));
    const one = printedNumber(run, "new list, one name:");
    const two = printedNumber(run, "a second name:");
    const back = printedNumber(run, "that name deleted:");
    const ruleOnNewObjects = one === 1 && two === one + 1 && back === one;
    const noException =
      printedNumber(run, "a new list in a function, one name:") === 1 &&
      printedTruth(run, "the int 10, one name, counts 1:") &&
      printedTruth(run, "the int 10, a second name adds 1:") &&
      printedTruth(run, "an interned str, one name, counts 1:");
    const verdict = !ruleOnNewObjects ? "wrong" : noException ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: the reason names the exceptions the model finds", (id, p) => {
    const run = witnessOnModel("C05", profileBuild(p));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("LOAD_FAST_BORROW")).toBe(
      printedNumber(run, "a new list in a function, one name:") !== 1,
    );
    expect(reason.includes("immortal (PEP 683)")).toBe(
      !printedTruth(run, "the int 10, a second name adds 1:"),
    );
  });

  // 2.7 has no sys.intern: there it is the builtin intern.
  it("2.7's reason names the builtin intern, the function 2.7 has", () => {
    const reason = verdictFor(claim, "2.7")?.reason;
    expect(reason?.en).toContain("builtin intern");
    expect(reason?.zh).toContain("内置函数 intern");
  });

  // gh-113993 is in Misc/NEWS.d/3.12.7.rst, not in 3.12.6's notes: 3.12.6 still makes them immortal.
  it("3.12's reason tells 3.12.0 – 3.12.6 from 3.12.7+ for interned strings", () => {
    const internedCountsOne = (version: string) =>
      printedTruth(
        witnessOnModel("C05", { version, pointerSize: 8 }),
        "an interned str, one name, counts 1:",
      );
    expect(internedCountsOne("3.12.6")).toBe(false);
    expect(internedCountsOne("3.12.7")).toBe(true);
    for (const text of [verdictFor(claim, "3.12")?.reason.en, verdictFor(claim, "3.12")?.reason.zh]) {
      expect(text).toContain("3.12.0 – 3.12.6");
      expect(text).toContain("3.12.7");
    }
  });
});
