// The site's figures (issue 7) in the bench report: `pnpm bench` runs the site's own benchmark
// (apps/site/scripts/bench.ts: Debian's Chromium on the built site) and reads what it wrote.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteFigures } from "./report.js";

const site = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "apps", "site");
const REPORT = join(site, ".reports", "site-bench.json");

/** What apps/site/scripts/bench.ts writes (the parts the bench report uses). */
interface SiteBench {
  readonly measured: string;
  readonly pages: readonly { page: string; jsGzip: number; totalGzip: number }[];
  readonly editToResult: { p95: number };
  readonly pyodide: readonly { version: string; firstMs: number; againMs: number }[];
  /** From the first load to the service worker's offline copy being complete (absent before it existed). */
  readonly offlineReadyMs?: number;
}

export const notMeasuredSite = (why: string): SiteFigures => ({
  js_before_interaction_gzip_bytes: null,
  edit_to_result_p95_ms: null,
  real_cpython_run_ms: null,
  page_weight_bytes_per_section: null,
  note: why.startsWith("not measured") ? why : `not measured: ${why}`,
});

/** Runs the site benchmark (it needs the built site and Chromium) and returns its figures. */
export function measureSite(): SiteFigures {
  const run = spawnSync(process.execPath, [join("scripts", "bench.ts")], {
    cwd: site,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (run.error) return notMeasuredSite(run.error.message);
  if (run.status !== 0)
    return notMeasuredSite((run.stderr || run.stdout).trim().split("\n")[0] ?? "the site bench failed");
  return readSiteFigures(REPORT);
}

/** The figures of a site-bench.json: the worst page's JavaScript, p95 edit to result, first Pyodide run. */
export function readSiteFigures(path: string): SiteFigures {
  if (!existsSync(path)) return notMeasuredSite(`${path} is missing`);
  const b = JSON.parse(readFileSync(path, "utf8")) as SiteBench;
  return {
    js_before_interaction_gzip_bytes: Math.max(...b.pages.map((p) => p.jsGzip)),
    edit_to_result_p95_ms: Math.round(b.editToResult.p95),
    real_cpython_run_ms: Math.max(...b.pyodide.map((p) => p.firstMs)),
    page_weight_bytes_per_section: Object.fromEntries(b.pages.map((p) => [p.page, p.totalGzip])),
    note:
      `measured ${b.measured} in Chromium on the built site; gzip bytes; Pyodide first run (loading included), ` +
      `again: ${b.pyodide.map((p) => `${p.version} ${p.againMs} ms`).join(", ")}` +
      (b.offlineReadyMs === undefined
        ? ""
        : `; offline copy complete ${b.offlineReadyMs} ms after the first load, edits timed after it`),
  };
}
