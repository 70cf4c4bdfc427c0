// The report's renderings: the Markdown embeds the plot and names every row and target; the plot
// draws one line per series; the terminal table lists every row.
import { describe, expect, it } from "vitest";
import { markdownReport } from "../src/markdown.js";
import { growthPlot } from "../src/plot.js";
import { makeRow, type Report, targets } from "../src/report.js";
import { terminalTable } from "../src/table.js";

const rows = [
  makeRow("churn", 16, "1-64", [[0, 20]], [[0, 5]]),
  makeRow("churn", 1024, "1-64", [[0, 12]], [[0, 4]]),
  makeRow("churn", 1024, "1-512", [[0, 14]], null),
  makeRow("lifo", 0, "1-64", [[0, 25]], [[0, 7]]),
];
const memory = { simulated_bytes: 2 ** 27, model_bytes: 2 ** 25, rss_delta_bytes: 2 ** 25 };
const claimSuite = {
  model_only: { seconds: 1.9, note: null },
  all_interpreters: { seconds: null, note: "not measured in a --quick run" },
};
const report: Report = {
  machine: { cpus: 2, cpu: "Test CPU", memory_bytes: 2 ** 34, node: "v24.0.0", platform: "linux-x64" },
  model_profile: "3.11",
  native: "cpython-3.11.9",
  native_note: null,
  model_v8_flags: ["--test-flag=1"],
  method: "test method",
  pymalloc: rows,
  memory,
  claim_suite: claimSuite,
  site: {
    js_before_interaction_gzip_bytes: null,
    edit_to_result_p95_ms: null,
    real_cpython_run_ms: null,
    page_weight_bytes_per_section: null,
    note: "not measured: no site benchmark",
  },
  targets: targets(rows, memory, claimSuite),
};

describe("renderings", () => {
  it("Markdown: the machine, the model's V8 flags, every row, the plot and every target", () => {
    const md = markdownReport(report, "bench.svg");
    expect(md).toContain("2 × Test CPU");
    expect(md).toContain("V8 flags `--test-flag=1`");
    expect(md).toContain("| churn | 1024 | 1-64 | 12 | 4 | 3× |");
    expect(md).toContain("| churn | 1024 | 1-512 | 14 | — | — |");
    expect(md).toContain("![ns per operation against live blocks, churn traces](bench.svg)");
    for (const t of report.targets) expect(md).toContain(t.name);
    expect(md).toContain("**missed** (2× the limit)");
  });

  it("SVG: a line for each size range on each side that has points, churn rows only", () => {
    const svg = growthPlot(rows);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(3); // model 1-64, native 1-64, model 1-512
    expect(svg).toContain("native 1-64 B");
    expect(svg).not.toContain("native 1-512 B");
    expect(svg).toContain(">1K<");
  });

  it("SVG without churn rows is an empty picture", () => {
    expect(growthPlot(rows.filter((r) => r.trace === "lifo"))).not.toContain("<polyline");
  });

  it("terminal table: a line per row and per target", () => {
    const lines = terminalTable(report).split("\n");
    expect(lines.filter((l) => /^(churn|lifo) /.test(l))).toHaveLength(rows.length);
    expect(lines.filter((l) => l.startsWith("target "))).toHaveLength(report.targets.length);
  });

  it("terminal table: operations per second beside ns per operation, on each side", () => {
    const lines = terminalTable(report).split("\n");
    expect(lines[0]).toMatch(/model ns\/op +model Mops\/s +native ns\/op +native Mops\/s +ratio/);
    // churn, 1K blocks, 1-64 B: 12 ns and 4 ns per call are 83.3 and 250.0 million calls a second.
    expect(lines.find((l) => /^churn +1024 +1-64 /.test(l))?.split(/ +/)).toEqual([
      "churn",
      "1024",
      "1-64",
      "12",
      "83.3",
      "4",
      "250.0",
      "3",
    ]);
    // No native figure: no native rate either.
    expect(
      lines
        .find((l) => /^churn +1024 +1-512 /.test(l))
        ?.split(/ +/)
        .slice(3),
    ).toEqual(["14", "71.4", "-", "-", "-"]);
  });
});
