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
    `- claim suite, model only: ${timing(r.claim_suite.model_only)}`,
    `- claim suite with all interpreters: ${timing(r.claim_suite.all_interpreters)}`,
    `- site figures (JavaScript before interaction, edit to result, run on CPython, page weight): ${r.site.note ?? "see bench.json"}`,
    "",
    "## Targets",
    "",
    "| target | measured | verdict |",
    "| ------ | -------- | ------- |",
    ...r.targets.map((t) => `| ${t.name} | ${num(t.value)} | ${verdict(t)} |`),
    "",
  ].join("\n");
}
