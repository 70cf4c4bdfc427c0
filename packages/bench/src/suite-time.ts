// How long the claim suite takes: packages/scenarios' vitest run, model only (the claims' specs)
// and whole (every claim's witness on every interpreter found). Wall-clock seconds, one run each.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Timing } from "./report.js";

const scenarios = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scenarios");

/** Times `vitest run [filter]` in packages/scenarios (the dot reporter: no report file is written). */
export function timeClaimSuite(filter: string[]): Timing {
  const t0 = performance.now();
  const r = spawnSync("pnpm", ["exec", "vitest", "run", ...filter, "--reporter=dot"], {
    cwd: scenarios,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  if (r.error) return { seconds: null, note: `not measured: ${r.error.message}` };
  if (r.status !== 0)
    return { seconds, note: `the suite failed (exit ${r.status}); time of the failing run` };
  return { seconds, note: null };
}
