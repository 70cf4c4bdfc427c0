// The claim report's renderers, fed a report whose checks are made up here (the real run is tested in
// claims-command.test.ts): each output must show what failed, where, and why.
import { CLAIMS, type Claim, profilesWhere } from "@pymem/scenarios";
import type { WitnessCheck } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { badgeFor } from "../src/claims/badge.js";
import { renderJunit } from "../src/claims/render-junit.js";
import { renderMarkdown } from "../src/claims/render-markdown.js";
import { cellMarks, renderText, summaryOf } from "../src/claims/render-text.js";
import { buildReport, claimResult, type SpecSummary } from "../src/claims/report.js";

const claim = CLAIMS.find((c) => c.id === "C08");
if (!claim) throw new Error("C08 is missing");

const specs: SpecSummary = {
  tests: [
    { name: "C08 a", status: "passed" },
    { name: "C08 b", status: "failed" },
  ],
  passed: 1,
  failed: 1,
  skipped: 0,
  failures: [{ name: "C08 b", message: "expected 3 to be 2" }],
};
const witness = (version: string, status: WitnessCheck["status"], kind: "native" | "pyodide" = "native") =>
  ({
    interpreter: kind === "pyodide" ? `${version}-pyodide` : version,
    kind,
    version,
    status,
    predicted: "a\n",
    actual: status === "pass" ? "a\n" : status === "fail" ? "b <&>\n" : null,
    ...(status === "pass"
      ? {}
      : { reason: status === "fail" ? "output differs" : "not found on this machine" }),
  }) satisfies WitnessCheck;

const result = claimResult(
  claim,
  specs,
  [witness("3.11.7", "pass"), witness("3.11.3", "fail", "pyodide"), witness("3.12.1", "skipped")],
  [{ interpreter: "3.13.2-pyodide", reason: "does not apply here" }],
);

describe("claim report", () => {
  it("counts spec tests and witness checks, and fails on skips only under CI", () => {
    const local = buildReport([result], false);
    expect(local.totals).toEqual({ passed: 2, failed: 2, skipped: 1 });
    expect(local.ok).toBe(false);
    const clean = claimResult(
      claim,
      { ...specs, failed: 0, failures: [] },
      [witness("3.12.1", "skipped")],
      [],
    );
    expect(buildReport([clean], false).ok).toBe(true);
    expect(buildReport([clean], true).ok).toBe(false);
  });

  it("puts each interpreter's mark in its version's column, native before Pyodide", () => {
    expect(cellMarks(result, "3.11")).toBe("✓✗");
    expect(cellMarks(result, "3.12")).toBe("s");
    expect(cellMarks(result, "3.13")).toBe("-");
    expect(cellMarks(result, "2.7")).toBe("·");
  });

  it("summarises the verdicts as version ranges", () => {
    expect(summaryOf(result)).toMatch(/^holds on 2\.7–3\.\d+, partly on 3\.14–3\.\d+$/);
  });

  it("shows a 32-bit build's verdict after a slash where it differs", () => {
    // A claim judged by arena size, as C14 once was: 1 MiB arenas are 64-bit 3.10+ only.
    const c14 = CLAIMS.find((c) => c.id === "C14");
    if (!c14) throw new Error("C14 is missing");
    const large = (p: { pointerSize: number; python: readonly number[] }) =>
      p.pointerSize === 8 && (p.python[0] ?? 0) * 100 + (p.python[1] ?? 0) >= 310;
    const bySize: Claim = {
      ...c14,
      verdicts: [
        { profiles: profilesWhere({ where: (p) => !large(p) }), verdict: "partly", reason: c14.claim },
        { profiles: profilesWhere({ where: large }), verdict: "outdated", reason: c14.claim },
      ],
    };
    const r = claimResult(bySize, { ...specs, failures: [], failed: 0 }, [], []);
    expect(r.verdict_by_version["3.11"]).toBe("outdated");
    expect(r.verdict_by_version_32bit["3.11"]).toBe("partly");
    expect(renderText(buildReport([r], false))).toMatch(/^C14\s.*\bO\/P ·/m);
    expect(renderMarkdown(buildReport([r], false))).toContain("outdated/partly ·");
    expect(summaryOf(r)).toMatch(
      /^partly on 2\.7–3\.9, outdated on 3\.10–3\.\d+; 32-bit builds: partly on 2\.7–3\.\d+$/,
    );
    // Where both builds agree, a cell has one verdict and the summary one part.
    expect(renderText(buildReport([result], false))).not.toMatch(/^C08\s.*[HPWO]\/[HPWO]/m);
    expect(summaryOf(result)).not.toContain("32-bit");
  });

  it("text: a row per claim, the failure with predicted and actual output, the totals line", () => {
    const text = renderText(buildReport([result], false));
    expect(text).toMatch(/^C08\s+1\/2\s+H ·/m);
    expect(text).toContain('✗ C08 spec "C08 b": expected 3 to be 2');
    expect(text).toContain("✗ C08 witness on 3.11.3-pyodide: output differs");
    expect(text).toContain('actual:    "b <&>\\n"');
    expect(text).toContain("s C08 witness on 3.12.1: skipped: not found on this machine");
    expect(text).toContain("- C08: does not apply here (3.13.2-pyodide)");
    expect(text.trimEnd().split("\n").at(-1)).toBe("2 passed, 2 failed, 1 skipped");
  });

  it("text: the scenarios beyond the article come after a rule of their own", () => {
    const beyond = CLAIMS.find((c) => c.id.startsWith("X"));
    if (!beyond) throw new Error("no X scenario");
    const x = claimResult(beyond, { ...specs, failures: [], failed: 0 }, [], []);
    const lines = renderText(buildReport([result, x], false)).split("\n");
    const rule = lines.findIndex((l) => l.includes("beyond the article"));
    expect(lines[rule - 1]).toMatch(/^C08\s/);
    expect(lines[rule + 1]).toMatch(new RegExp(`^${beyond.id}\\s`));
  });

  it("Markdown: a table row with verdict words and the failures", () => {
    const md = renderMarkdown(buildReport([result], false));
    expect(md).toContain("Some checks fail: 2 passed, 2 failed, 1 skipped.");
    expect(md).toMatch(/\| \*\*C08\*\* \| 1\/2 \| holds · \|/);
    expect(md).toContain("✗ C08 witness on 3.11.3-pyodide: output differs");
  });

  it("JUnit: a test case per spec test and witness, failures escaped", () => {
    const xml = renderJunit(buildReport([result], false));
    expect(xml).toContain('<testsuites name="pymem claims" tests="5" failures="2" skipped="1">');
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain("b &lt;&amp;&gt;");
    expect(xml).not.toMatch(/<[^/?!a-z]/);
  });

  it("badge: red with the failing count, green when all pass", () => {
    expect(badgeFor(buildReport([result], false))).toMatchObject({
      color: "red",
      message: "2 of 4 checks fail",
    });
    const clean = claimResult(claim, { ...specs, failed: 0, failures: [] }, [witness("3.11.7", "pass")], []);
    expect(badgeFor(buildReport([clean], false))).toEqual({
      schemaVersion: 1,
      label: "claims checked",
      message: "1 claim, 2 checks pass",
      color: "brightgreen",
    });
  });
});
