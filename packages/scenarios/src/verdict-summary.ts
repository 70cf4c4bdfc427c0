/*
 * The verdicts in brief, for the README: every claim under each verdict word, with the CPython versions
 * it gets that verdict on (64-bit builds) when not all. Generated, so that the README cannot drift from
 * the claims: test/readme-verdicts.test.ts compares the README's block with this and rewrites it when
 * run with UPDATE_README=1.
 */
import { type Claim, PROFILED_VERSIONS, type VerdictKind, verdictByVersion } from "./claim.js";

export const VERDICT_SUMMARY_START = "<!-- verdict-summary: generated from packages/scenarios/claims -->";
export const VERDICT_SUMMARY_END = "<!-- /verdict-summary -->";

const ORDER: readonly VerdictKind[] = ["holds", "partly", "outdated", "wrong"];

/** "2.7–3.13", "3.14+", "3.11" or "2.7–3.9, 3.12": runs of consecutive profiled versions. */
export function versionRanges(versions: readonly string[]): string {
  const index = versions.map((v) => PROFILED_VERSIONS.indexOf(v)).sort((a, b) => a - b);
  const last = PROFILED_VERSIONS.length - 1;
  const runs: string[] = [];
  for (let i = 0; i < index.length; ) {
    let j = i;
    while (j + 1 < index.length && index[j + 1] === (index[j] as number) + 1) j++;
    const [from, to] = [PROFILED_VERSIONS[index[i] as number], PROFILED_VERSIONS[index[j] as number]];
    runs.push(i === j ? `${from}` : index[j] === last ? `${from}+` : `${from}–${to}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/** Dunder names as code: in Markdown, `__del__` bare would read as a bold "del". */
const asMarkdown = (text: string): string => text.replace(/(?<![`\w])(__\w+__)(?![`\w])/g, "`$1`");

/** The block between the markers: one list item per verdict word, one sub-item per claim. */
export function verdictSummaryMarkdown(claims: readonly Claim[]): string {
  const lines: string[] = [];
  for (const kind of ORDER) {
    const rows = claims.flatMap((claim) => {
      const byVersion = Object.entries(verdictByVersion(claim));
      const versions = byVersion.filter(([, v]) => v === kind).map(([version]) => version);
      if (versions.length === 0) return [];
      const scope = versions.length === PROFILED_VERSIONS.length ? "" : ` (${versionRanges(versions)})`;
      return [`  - ${claim.id} ${asMarkdown(claim.title.en)}${scope}`];
    });
    if (rows.length > 0) lines.push(`- **${kind}**`, ...rows);
  }
  return lines.join("\n");
}
