// C03: "the garbage-collection section (dynamic typing) is what garbage collection is", judged on the
// model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, printedNumber, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

/** gc.get_threshold() as Python prints the tuple, e.g. "(700, 10, 10)", from the witness's output. */
const thresholds = (version: string, pointerSize: 4 | 8 = 8) =>
  `(${printedAfter(witnessOnModel("C03", { version, pointerSize }), "thresholds").split(" ").join(", ")})`;

describe("C03: what CPython's garbage collection is", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C03", profileBuild(p));
    // A section that describes no collector is wrong wherever a cycle outlives reference counting
    // and only the collector frees it.
    const collectorNeeded = printedNumber(run, "a list holding itself:") > 0;
    expect(verdictFor(claim, id)?.verdict).toBe(collectorNeeded ? "wrong" : "holds");
  });

  it.each(profiles)("%s: the reason states the version's thresholds", (id, p) => {
    const { version, pointerSize } = profileBuild(p);
    expect(verdictFor(claim, id)?.reason.en).toContain(thresholds(version, pointerSize));
  });

  it("3.14's reason covers both collectors: 3.14.0 – 3.14.4 and 3.14.5+", () => {
    const reason = verdictFor(claim, "3.14")?.reason.en;
    for (const micro of ["3.14.0", "3.14.4", "3.14.5"]) expect(reason).toContain(thresholds(micro));
    expect(thresholds("3.14.4")).not.toBe(thresholds("3.14.5"));
  });

  it.each(profiles)("%s: the reason says where __del__ cycles end up", (id, p) => {
    const run = witnessOnModel("C03", profileBuild(p));
    const garbage = Number(
      /, (\d+) left in gc\.garbage$/.exec(printedAfter(run, "the same with __del__:"))?.[1],
    );
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    if (garbage > 0) expect(reason).toContain(`leaves ${garbage} there`);
    else expect(reason).toContain("gc.garbage stays empty");
  });
});
