// C03: "the garbage-collection section (dynamic typing) is what garbage collection is", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c03Run, thresholdText } from "./model.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C03: what CPython's garbage collection is", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const f = c03Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    // A section that describes no collector is wrong wherever a cycle outlives reference counting
    // and only the collector frees it.
    const collectorNeeded = f.selfCycleSurvivesDel && f.selfCycleFound > 0;
    expect(verdictFor(claim, id)?.verdict).toBe(collectorNeeded ? "wrong" : "holds");
  });

  it.each(profiles)("%s: the reason states the version's thresholds", (id, p) => {
    const f = c03Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    expect(verdictFor(claim, id)?.reason.en).toContain(thresholdText(f.thresholds));
  });

  it("3.14's reason covers both collectors: 3.14.0 – 3.14.4 and 3.14.5+", () => {
    const reason = verdictFor(claim, "3.14")?.reason.en;
    for (const micro of ["3.14.0", "3.14.4", "3.14.5"]) {
      expect(reason).toContain(thresholdText(c03Run(python(micro)).thresholds));
    }
    expect(thresholdText(c03Run(python("3.14.4")).thresholds)).not.toBe(
      thresholdText(c03Run(python("3.14.5")).thresholds),
    );
  });

  it.each(profiles)("%s: the reason says where __del__ cycles end up", (id, p) => {
    const f = c03Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    if (f.garbage > 0) expect(reason).toContain(`leaves ${f.garbage} there`);
    else expect(reason).toContain("gc.garbage stays empty");
  });
});
