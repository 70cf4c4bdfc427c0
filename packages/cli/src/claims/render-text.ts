// The terminal table: one row per claim, one column per CPython version. A cell is the verdict's
// letter and one mark per interpreter of that version (native first, then Pyodide).
import type { WitnessCheck } from "@pymem/scenarios/node";
import { type ClaimResult, type ClaimsReport, versionColumn } from "./report.js";

const VERDICT_LETTER: Readonly<Record<string, string>> = {
  holds: "H",
  partly: "P",
  wrong: "W",
  outdated: "O",
};
const MARK: Readonly<Record<WitnessCheck["status"], string>> = { pass: "✓", fail: "✗", skipped: "s" };

export const MARKS_LEGEND =
  "witness per interpreter (native, then Pyodide): ✓ matches the model, ✗ differs, s skipped, " +
  "- does not apply, · not run (no witness or no interpreter)";
export const SPLIT_LEGEND = "X/Y: X on the 64-bit build, Y on the 32-bit one (Pyodide is 32-bit)";
const LEGEND = `verdict: H holds, P partly, W wrong, O outdated; ${SPLIT_LEGEND} · ${MARKS_LEGEND}`;

/** The version's verdict, and after a slash the 32-bit build's when it differs (`name` spells each). */
export function verdictCell(claim: ClaimResult, version: string, name: (verdict: string) => string): string {
  const wide = claim.verdict_by_version[version] ?? "";
  const narrow = claim.verdict_by_version_32bit[version] ?? "";
  return narrow === wide ? name(wide) : `${name(wide)}/${name(narrow)}`;
}

/** The marks of a claim's interpreters of one version, in interpreter order. */
export function cellMarks(claim: ClaimResult, version: string): string {
  const marks: string[] = [];
  for (const w of claim.witnesses) if (versionColumn(w.version) === version) marks.push(MARK[w.status]);
  for (const n of claim.not_applicable) if (versionColumn(n.interpreter) === version) marks.push("-");
  return marks.join("") || "·";
}

export function renderText(report: ClaimsReport): string {
  const head = ["claim", "specs", ...report.versions];
  const rows = report.claims.map((c) => [
    c.id,
    `${c.specs.passed}/${c.specs.passed + c.specs.failed}`,
    ...report.versions.map((v) => `${verdictCell(c, v, (w) => VERDICT_LETTER[w] ?? "?")} ${cellMarks(c, v)}`),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => [...(r[k] as string)].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, k) => cell + " ".repeat((widths[k] as number) - [...cell].length))
      .join("  ")
      .trimEnd();
  // The article's claims first, then the scenarios beyond it (X01, ...) under a rule of their own.
  const body = rows.flatMap((r, k) =>
    k > 0 && r[0]?.startsWith("X") && !rows[k - 1]?.[0]?.startsWith("X")
      ? [`${"-".repeat(5)} beyond the article`, line(r)]
      : [line(r)],
  );
  const out = [line(head), ...body, "", LEGEND, ""];
  for (const c of report.claims) out.push(`${c.id} ${c.title}: ${summaryOf(c)}`);
  const problems = problemLines(report);
  if (problems.length > 0) out.push("", ...problems);
  const t = report.totals;
  out.push("", `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return `${out.join("\n")}\n`;
}

/**
 * "holds on 2.7–3.13, partly on 3.14–3.15" from the per-version verdicts, and the 32-bit builds' own
 * summary after it when they differ.
 */
export function summaryOf(c: ClaimResult): string {
  const wide = rangesOf(c.verdict_by_version);
  const narrow = rangesOf(c.verdict_by_version_32bit);
  return narrow === wide ? wide : `${wide}; 32-bit builds: ${narrow}`;
}

function rangesOf(verdicts: Readonly<Record<string, string | null>>): string {
  const runs: { verdict: string; from: string; to: string }[] = [];
  for (const [version, verdict] of Object.entries(verdicts)) {
    const last = runs.at(-1);
    const text = verdict ?? "no verdict";
    if (last && last.verdict === text) last.to = version;
    else runs.push({ verdict: text, from: version, to: version });
  }
  return runs.map((r) => `${r.verdict} on ${r.from === r.to ? r.from : `${r.from}–${r.to}`}`).join(", ");
}

/** Failed and skipped checks, each with its reason. */
export function problemLines(report: ClaimsReport): string[] {
  const lines: string[] = [];
  for (const c of report.claims) {
    for (const f of c.specs.failures) lines.push(`✗ ${c.id} spec "${f.name}": ${f.message}`);
    for (const w of c.witnesses) {
      if (w.status === "fail") {
        lines.push(`✗ ${c.id} witness on ${w.interpreter}: ${w.reason ?? "failed"}`);
        lines.push(
          `    predicted: ${JSON.stringify(w.predicted)}`,
          `    actual:    ${JSON.stringify(w.actual)}`,
        );
      } else if (w.status === "skipped") {
        lines.push(`s ${c.id} witness on ${w.interpreter}: skipped: ${w.reason ?? "not run"}`);
      }
    }
  }
  const notApplicable = new Map<string, string[]>();
  for (const c of report.claims) {
    for (const n of c.not_applicable) {
      const key = `${c.id}: ${n.reason}`;
      notApplicable.set(key, [...(notApplicable.get(key) ?? []), n.interpreter]);
    }
  }
  for (const [key, names] of notApplicable) lines.push(`- ${key} (${names.join(", ")})`);
  return lines;
}
