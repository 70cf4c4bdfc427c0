// The Markdown summary (for a CI job summary or a pull request comment): the claim × version table
// with verdict words and witness marks, then every failure and skip with its reason.

import {
  cellMarks,
  MARKS_LEGEND,
  problemLines,
  SPLIT_LEGEND,
  summaryOf,
  verdictCell,
} from "./render-text.js";
import type { ClaimsReport } from "./report.js";

export function renderMarkdown(report: ClaimsReport): string {
  const t = report.totals;
  const out = [
    "# Claim check",
    "",
    `${report.ok ? "All checks pass" : "Some checks fail"}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped.`,
    "",
    `| claim | specs | ${report.versions.join(" | ")} |`,
    `|---|---|${report.versions.map(() => "---").join("|")}|`,
  ];
  for (const c of report.claims) {
    const cells = report.versions.map((v) => `${verdictCell(c, v, (w) => w || "?")} ${cellMarks(c, v)}`);
    out.push(`| **${c.id}** | ${c.specs.passed}/${c.specs.passed + c.specs.failed} | ${cells.join(" | ")} |`);
  }
  out.push("", `<sub>${SPLIT_LEGEND} · ${MARKS_LEGEND}</sub>`, "", "## Claims", "");
  for (const c of report.claims) out.push(`- **${c.id}** ${escapeMarkdown(c.title)}: ${summaryOf(c)}`);
  const problems = problemLines(report);
  if (problems.length > 0)
    out.push("", "## Failures, skips and cells that do not apply", "", "```", ...problems, "```");
  return `${out.join("\n")}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[|*_`<>]/g, (ch) => `\\${ch}`);
}
