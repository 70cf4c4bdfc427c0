// C06: "at zero, __del__ is called to free the memory", judged on the model's run of witness.py.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import { printedNumber, printedTruth, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

describe("C06: __del__ and freeing memory", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const run = witnessOnModel("C06", profileBuild(p));
    // "__del__ frees the memory" fails when memory is freed without it, or kept despite it.
    const freedWithoutDel = printedTruth(run, "a list (no __del__) is freed; the next list gets its memory:");
    const resurrected = printedNumber(run, "still alive after __del__ stored it:");
    const delFreesMemory = !freedWithoutDel && resurrected === 0;
    // The claim's point is the cause ("that is what releases the memory"): when memory is freed without
    // __del__, or kept despite it, the cause is wrong, though __del__ does run at zero.
    const lines = run.stdout.split("\n");
    const delRanAtOnce = lines[0] === "__del__ runs" && lines[1] === "after del p";
    const verdict = !delFreesMemory ? "wrong" : delRanAtOnce ? "holds" : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: the reason gives the number of __del__ calls the model makes", (id, p) => {
    const calls = printedNumber(
      witnessOnModel("C06", profileBuild(p)),
      "__del__ calls after its count reached zero twice:",
    );
    expect(verdictFor(claim, id)?.reason.en).toContain(`counts ${calls} call`);
  });

  it.each(profiles)("%s: a freed instance's block stays in its pool for the next one", (_id, p) => {
    const py = python(minorVersion(p), { pointerSize: p.pointerSize });
    const C = py.defineClass({ name: "C", __del__: () => {} });
    py.assign("other", py.new(C)); // the rest of a real program keeps the arena in use
    py.assign("c", py.new(C));
    const block = py.peek("c").block;
    py.del("c");
    expect(py.pm.locate(block)).toBeUndefined(); // the block itself was freed...
    expect(py.pm.addressInRange(block)).toBe(true); // ...into pymalloc, whose arena is still mapped
    py.assign("d", py.new(C));
    expect(py.peek("d").block).toBe(block);
  });
});
