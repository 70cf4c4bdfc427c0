// C04: "all data are objects, managed by reference counts", judged by the model.
import { PROFILES, python } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c04Run } from "./model.js";

describe("C04: objects managed by reference counts", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const f = c04Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
    const programObjectsCounted = f.listMoves && f.floatMoves;
    const everyCountKept = programObjectsCounted && f.smallIntMoves && f.noneMoves;
    const countsFreeEverything = !f.cycleSurvivesDel;
    const verdict = !programObjectsCounted
      ? "wrong"
      : everyCountKept && countsFreeEverything
        ? "holds"
        : "partly";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))(
    "%s: the reason says whether shared counts move",
    (id, p) => {
      const f = c04Run(python(minorVersion(p), { pointerSize: p.pointerSize }));
      const reason = verdictFor(claim, id)?.reason.en ?? "";
      expect(reason.includes("immortal")).toBe(!f.smallIntMoves && !f.noneMoves);
    },
  );
});
