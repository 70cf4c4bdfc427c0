// The verdict tables' column for builds whose objects come from mimalloc (src/without-pymalloc.ts) is
// held to the mimalloc runs: every run of a claim about pymalloc alone says, in what it printed, that
// pymalloc did not serve its objects.
import { describe, expect, it } from "vitest";
import { CLAIMS, MIMALLOC_SINCE, recordedInterpreter, withoutPymallocVerdict } from "../src/index.js";
import { readRecording } from "../src/node.js";

const pymallocOnly = CLAIMS.filter((c) => c.tags.includes("pymalloc-only"));
const withoutPymalloc = (claimId: string) =>
  (readRecording(claimId)?.results ?? []).filter((r) => {
    const i = recordedInterpreter(r);
    return i.kind === "native" && i.allocator === "mimalloc";
  });

describe("builds whose objects come from mimalloc", () => {
  it("some claims are about pymalloc alone, and all of those about the allocator", () => {
    expect(pymallocOnly.map((c) => c.id)).toEqual(["C10", "C12", "C13", "C14", "C15"]);
    for (const c of pymallocOnly) expect(c.tags, c.id).toContain("allocator");
  });

  it("get 'does not apply' for a claim about pymalloc alone, no verdict for the others", () => {
    for (const c of CLAIMS)
      expect(withoutPymallocVerdict(c), c.id).toBe(
        c.tags.includes("pymalloc-only") ? "does-not-apply" : "not-profiled",
      );
  });

  it.each(pymallocOnly.map((c) => [c.id] as const))(
    "%s: every mimalloc run says its objects did not come from pymalloc",
    (id) => {
      const runs = withoutPymalloc(id);
      expect(runs.length, `${id} has no mimalloc run recorded: pnpm oracle record ${id}`).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.status, r.interpreter).toBe("ok");
        expect(r.stdout, r.interpreter).toMatch(/mimalloc|no pymalloc/);
        expect(r.stdout, r.interpreter).not.toMatch(/: pymalloc$/m);
      }
    },
  );

  it(`exist from ${MIMALLOC_SINCE} on only`, () => {
    const [major, minor] = MIMALLOC_SINCE.split(".").map(Number) as [number, number];
    for (const c of CLAIMS)
      for (const r of withoutPymalloc(c.id)) {
        const [a, b] = r.version.split(".").map(Number) as [number, number];
        expect(a * 100 + b, r.interpreter).toBeGreaterThanOrEqual(major * 100 + minor);
      }
  });
});
