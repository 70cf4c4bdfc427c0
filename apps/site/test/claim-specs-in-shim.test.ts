// Issue 6's promise, checked: every claim's spec file, unchanged, passes through the in-page runner
// (sucrase + the vitest shim + the bundled claim modules) exactly as the site's worker runs it. And
// the runner really judges: with each claim's stated verdicts swapped, its spec fails.
import { CLAIMS, type Claim, claimPaths, type VerdictKind } from "@pymem/scenarios";
import { readScenarioFile } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { SPEC_MODULES } from "../src/lib/shim/spec-modules.js";
import { type ModuleTable, runSpec } from "../src/lib/shim/spec-runner.js";

function specOf(claim: Claim) {
  const path = claimPaths(claim.folder).spec;
  return { folder: claim.folder, path, source: readScenarioFile(path) };
}

const swapped: Record<VerdictKind, VerdictKind> = {
  holds: "wrong",
  wrong: "holds",
  partly: "holds",
  outdated: "holds",
};

/** The bundled modules, with one claim's metadata stating the opposite verdicts. */
function withSwappedVerdicts(folder: string): ModuleTable {
  const key = `claims/${folder}/claim`;
  const original = SPEC_MODULES.files[key] as { default: Claim };
  const lying: Claim = {
    ...original.default,
    verdicts: original.default.verdicts.map((v) => ({ ...v, verdict: swapped[v.verdict] })),
  };
  return { ...SPEC_MODULES, files: { ...SPEC_MODULES.files, [key]: { ...original, default: lying } } };
}

describe("claim specs in the in-page runner", () => {
  it("finds the claims", () => {
    expect(CLAIMS.length).toBeGreaterThan(0);
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))("%s: every test of the spec passes", async (_id, claim) => {
    const spec = specOf(claim);
    const result = await runSpec(spec, SPEC_MODULES);
    expect(result.loadError).toBeUndefined();
    expect(result.tests.length).toBeGreaterThan(0);
    const failed = result.tests.filter((t) => t.status !== "pass");
    expect(failed.map((t) => `${t.path.join(" > ")}: ${t.error?.message ?? t.status}`)).toEqual([]);
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))(
    "%s: the spec fails when the claim states other verdicts",
    async (_id, claim) => {
      const spec = specOf(claim);
      const result = await runSpec(spec, withSwappedVerdicts(spec.folder));
      expect(result.loadError).toBeUndefined();
      expect(result.tests.filter((t) => t.status === "fail").length).toBeGreaterThan(0);
    },
  );
});
