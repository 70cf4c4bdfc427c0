// The Markdown report: the figures, the plot (an SVG file beside it) and the targets.
import type { Report, Target, Timing } from "./report.js";

const MiB = 2 ** 20;
const num = (v: number | null) => (v === null ? "—" : String(v));
const timing = (t: Timing) =>
  t.seconds === null ? (t.note ?? "not measured") : `${t.seconds} s${t.note ? ` (${t.note})` : ""}`;

function verdict(t: Target): string {
  if (t.met === null) return "not measured";
  return t.met ? "**met**" : `**missed** (${t.factor}× the limit)`;
}

export function markdownReport(r: Report, plotFile: string): string {
  const m = r.machine;
  const mem = r.memory;
  return [
    "# pymem benchmark report",
    "",
    `Machine: ${m.cpus} × ${m.cpu}, ${(m.memory_bytes / 2 ** 30).toFixed(1)} GiB, ${m.platform}, Node ${m.node}.`,
    `Model profile ${r.model_profile}; native ${r.native ?? `none (${r.native_note})`}.`,
    `Model processes run under the V8 flags \`${r.model_v8_flags.join(" ")}\` (V8_INLINING_FLAGS in @pymem/core: why).`,
    `Method: ${r.method}.`,
    "",
    "## pymalloc: the model against native pymalloc",
    "",
    "| trace | live blocks | sizes | model ns/op | native ns/op | ratio |",
    "| ----- | ----------- | ----- | ----------- | ------------ | ----- |",
    ...r.pymalloc.map(
      (row) =>
        `| ${row.trace} | ${row.live || "—"} | ${row.sizes} | ${row.model_ns_per_op} | ${num(row.native_ns_per_op)} | ${row.ratio === null ? "—" : `${row.ratio}×`} |`,
    ),
    "",
    "## Per-operation cost as the live set grows",
    "",
    `![ns per operation against live blocks, churn traces](${plotFile})`,
    "",
    "## Memory",
    "",
    `${(mem.simulated_bytes / MiB).toFixed(0)} MiB of simulated 512-byte blocks: ${(mem.model_bytes / MiB).toFixed(1)} MiB of model arrays (${(mem.model_bytes / mem.simulated_bytes).toFixed(3)} bytes per simulated byte), resident set +${(mem.rss_delta_bytes / MiB).toFixed(1)} MiB.`,
    "",
    "## Suites",
    "",
    `- claim suite, model only (pnpm claims --no-witnesses): ${timing(r.claim_suite.model_only)}`,
    `- claim suite with every judge (pnpm claims): ${timing(r.claim_suite.all_interpreters)}`,
    ...siteLines(r.site),
    "",
    "## Targets",
    "",
    "| target | measured | verdict |",
    "| ------ | -------- | ------- |",
    ...r.targets.map((t) => `| ${t.name} | ${num(t.value)} | ${verdict(t)} |`),
    "",
  ].join("\n");
}

/** The site's figures against issue 7's targets (JS ≤ 60 KB gzip, edit to result p95 ≤ 100 ms, CPython ≤ 3 s). */
function siteLines(site: Report["site"]): string[] {
  if (site.js_before_interaction_gzip_bytes === null)
    return [`- site figures: ${site.note ?? "not measured"}`];
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const kb = site.js_before_interaction_gzip_bytes / 1000;
  const edit = site.edit_to_result_p95_ms ?? Number.NaN;
  const cpython = site.real_cpython_run_ms ?? Number.NaN;
  const weights = Object.entries(site.page_weight_bytes_per_section ?? {})
    .map(([page, bytes]) => `${page} ${(bytes / 1000).toFixed(0)} KB`)
    .join(", ");
  return [
    `- site, JavaScript before interaction (worst page): ${kb.toFixed(1)} KB gzip (target ≤ 60: ${verdict(kb <= 60)})`,
    `- site, edit to result p95: ${edit} ms (target ≤ 100: ${verdict(edit <= 100)})`,
    `- site, "run on real CPython" to output, first run: ${(cpython / 1000).toFixed(1)} s (target ≤ 3: ${verdict(cpython <= 3000)})`,
    `- site, page weight per section before interaction (gzip): ${weights}`,
    `- site figures: ${site.note ?? ""}`,
  ];
}
