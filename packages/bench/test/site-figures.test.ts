// The site's figures as the bench report takes them from apps/site's own benchmark output.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSiteFigures } from "../src/site-figures.js";

describe("site figures", () => {
  it("takes the worst page's JavaScript, the edit p95 and the slowest first Pyodide run", () => {
    const file = join(mkdtempSync(join(tmpdir(), "site-bench-")), "site-bench.json");
    writeFileSync(
      file,
      JSON.stringify({
        measured: "2026-11-24T00:00:00.000Z",
        pages: [
          { page: "/", jsGzip: 30_000, totalGzip: 90_000 },
          { page: "/memory-pools/", jsGzip: 32_000, totalGzip: 150_000 },
        ],
        editToResult: { p95: 158.4 },
        pyodide: [
          { version: "3.12", firstMs: 5000, againMs: 90 },
          { version: "3.14", firstMs: 6900, againMs: 270 },
        ],
      }),
    );
    const f = readSiteFigures(file);
    expect(f.js_before_interaction_gzip_bytes).toBe(32_000);
    expect(f.edit_to_result_p95_ms).toBe(158);
    expect(f.real_cpython_run_ms).toBe(6900);
    expect(f.page_weight_bytes_per_section).toEqual({ "/": 90_000, "/memory-pools/": 150_000 });
    expect(f.note).toContain("3.14 270 ms");
  });

  it("says why when the site was not measured", () => {
    expect(readSiteFigures("/nonexistent/site-bench.json").note).toMatch(/^not measured: .* is missing$/);
  });
});
