// The terminal table of the report (stdout without --json, stderr with it).
import type { Report, Timing } from "./report.js";

const cell = (v: number | string | null, width: number) => String(v ?? "-").padStart(width);
/** Millions of allocator calls per second, from ns per call. */
const mops = (ns: number | null) => (ns === null || ns <= 0 ? null : (1000 / ns).toFixed(1));
const timing = (t: Timing) => (t.seconds === null ? (t.note ?? "not measured") : `${t.seconds} s`);

export function terminalTable(r: Report): string {
  const m = r.memory;
  return [
    "trace          live  sizes     model ns/op  model Mops/s  native ns/op  native Mops/s  ratio",
    ...r.pymalloc.map(
      (row) =>
        `${row.trace.padEnd(8)} ${cell(row.live, 10)}  ${row.sizes.padEnd(8)} ${cell(row.model_ns_per_op, 11)}  ${cell(mops(row.model_ns_per_op), 12)}  ${cell(row.native_ns_per_op, 12)}  ${cell(mops(row.native_ns_per_op), 13)}  ${cell(row.ratio, 5)}`,
    ),
    "",
    `model memory: ${(m.model_bytes / 2 ** 20).toFixed(1)} MiB of arrays, RSS +${(m.rss_delta_bytes / 2 ** 20).toFixed(1)} MiB, for ${(m.simulated_bytes / 2 ** 20).toFixed(0)} MiB simulated`,
    `claim suite: model only ${timing(r.claim_suite.model_only)}; with every judge ${timing(r.claim_suite.all_interpreters)}`,
    ...r.targets.map(
      (t) =>
        `target ${t.met === null ? "not measured" : t.met ? "met" : "MISSED"}: ${t.name}: ${t.value ?? "-"}${t.factor !== null && !t.met ? ` (${t.factor}× the limit)` : ""}`,
    ),
  ].join("\n");
}
