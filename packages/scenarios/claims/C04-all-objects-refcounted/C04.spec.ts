// C04: "all data are objects, managed by reference counts", judged on the model's run of witness.py.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import { printedAfter, printedNumber, profileBuild, witnessOnModel } from "../../src/witness-model.js";
import claim from "./claim.js";

const profiles = PROFILES.map((p) => [p.id, p] as const);

/** Does binding one more name move the object's count? ("a new list count moves: yes") */
const moves = (stdout: string, what: string) => printedAfter({ stdout }, `${what} count moves:`) === "yes";

describe("C04: objects managed by reference counts", () => {
  it.each(profiles)("%s: the stated verdict is the model's", (id, p) => {
    const { stdout } = witnessOnModel("C04", profileBuild(p));
    const programObjectsCounted = moves(stdout, "a new list") && moves(stdout, "a new float");
    const everyCountKept = programObjectsCounted && moves(stdout, "the int 10") && moves(stdout, "None");
    const found = printedNumber({ stdout }, "a list holding itself, left after del; the collector found");
    const countsFreeEverything = found === 0;
    const verdict = !programObjectsCounted
      ? "wrong"
      : everyCountKept && countsFreeEverything
        ? "holds"
        : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(profiles)("%s: the reason says whether shared counts move", (id, p) => {
    const { stdout } = witnessOnModel("C04", profileBuild(p));
    const reason = verdictFor(claim, id)?.reason.en ?? "";
    expect(reason.includes("immortal")).toBe(!moves(stdout, "the int 10") && !moves(stdout, "None"));
  });
});
