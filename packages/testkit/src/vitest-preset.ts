// The vitest settings every package shares. The JSON report under .reports/ is what
// scripts/tasks/test.mjs sums into the suite's closing "N passed, N failed" line.
import type { ViteUserConfig } from "vitest/config";
import { assertNodeRuntime } from "./runtime.js";

/** Where each package's vitest run leaves its machine-readable results (a turbo task output). */
export const REPORT_FILE = ".reports/vitest.json";

export function pymemVitestConfig(extra: ViteUserConfig["test"] = {}): ViteUserConfig {
  assertNodeRuntime();
  return {
    test: {
      // PYMEM_VITEST_REPORT redirects the JSON report (`pymem claims` reads it from a temporary file).
      reporters: ["default", ["json", { outputFile: process.env.PYMEM_VITEST_REPORT || REPORT_FILE }]],
      include: ["test/**/*.test.ts", "src/**/*.test.ts"],
      // Tests start real interpreters and replay millions of operations on a 2-core machine shared by
      // several packages' runs at once: 5 s (vitest's default) is too tight to mean "hung".
      testTimeout: 60_000,
      ...extra,
    },
  };
}
