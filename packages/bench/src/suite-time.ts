// How long the claim suite takes: `pnpm claims` at the repository's root, as a reader runs it, with
// `--no-witnesses` (the model only: every claim's spec) and whole (every spec, and every witness on
// every judge found). Wall-clock seconds, one run each; the build check before it is turbo's cache.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Timing } from "./report.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Times `pnpm claims [args]` (its table is dropped: no report file is written). */
export function timeClaimSuite(args: string[]): Timing {
  const t0 = performance.now();
  const r = spawnSync("pnpm", ["-s", "claims", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  if (r.error) return { seconds: null, note: `not measured: ${r.error.message}` };
  if (r.status !== 0)
    return { seconds, note: `the suite failed (exit ${r.status}); time of the failing run` };
  return { seconds, note: null };
}
