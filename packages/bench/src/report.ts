// The report's shape and the arithmetic behind it: medians after warm-up, rows, ratios, targets.
import type { Machine } from "./machine.js";

/** One line of the `pymalloc` table: the same trace on the model and on native pymalloc. */
export interface Row {
  readonly trace: string;
  /** live blocks kept (0 when the trace keeps none, or for a recorded program) */
  readonly live: number;
  /** request sizes, e.g. "1-64" (or "recorded") */
  readonly sizes: string;
  readonly model_ns_per_op: number;
  readonly native_ns_per_op: number | null;
  /** model / native */
  readonly ratio: number | null;
}

export interface Memory {
  readonly simulated_bytes: number;
  /** bytes of the model's typed arrays */
  readonly model_bytes: number;
  /** how much the process's resident set grew */
  readonly rss_delta_bytes: number;
}

/** A measured time, or why there is none. */
export interface Timing {
  readonly seconds: number | null;
  readonly note: string | null;
}

export interface Target {
  readonly name: string;
  readonly limit: number;
  /** the measured value, in the limit's unit; null when not measured */
  readonly value: number | null;
  readonly met: boolean | null;
  /** value / limit: how far from the target (above 1 is missed by that factor) */
  readonly factor: number | null;
}

/** The site's own figures (issue 7); null until the site has a benchmark of its own. */
export interface SiteFigures {
  readonly js_before_interaction_gzip_bytes: number | null;
  readonly edit_to_result_p95_ms: number | null;
  readonly real_cpython_run_ms: number | null;
  readonly page_weight_bytes_per_section: Record<string, number> | null;
  readonly note: string | null;
}

export interface Report {
  readonly machine: Machine;
  readonly model_profile: string;
  readonly native: string | null;
  readonly native_note: string | null;
  /** The V8 flags the model's processes ran under (V8_INLINING_FLAGS of @pymem/core). */
  readonly model_v8_flags: readonly string[];
  readonly method: string;
  readonly pymalloc: Row[];
  readonly memory: Memory;
  readonly claim_suite: { readonly model_only: Timing; readonly all_interpreters: Timing };
  readonly site: SiteFigures;
  readonly targets: Target[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The median of the repeats after the first `warmup` ones (JIT compilation, cold caches). */
export function steadyMedian(repeats: readonly number[], warmup = 1): number {
  return median(repeats.length > warmup ? repeats.slice(warmup) : repeats);
}

/**
 * The lowest of the rounds' steady medians. Each round is a fresh process on each side, the two
 * sides taking turns; other work on a shared machine only ever slows a round down, so the lowest is
 * the one it disturbed least (the 1M and 10M rows moved up to 2x between single runs). Both sides
 * are judged the same way.
 */
export function bestOfRounds(rounds: readonly (readonly number[])[]): number {
  if (rounds.length === 0) throw new RangeError("no rounds");
  return Math.min(...rounds.map((r) => steadyMedian(r)));
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export function makeRow(
  trace: string,
  live: number,
  sizes: string,
  /** per round, the repeats of one process */
  model: readonly (readonly number[])[],
  native: readonly (readonly number[])[] | null,
): Row {
  const m = bestOfRounds(model);
  const n = native === null ? null : bestOfRounds(native);
  return {
    trace,
    live,
    sizes,
    model_ns_per_op: round(m),
    native_ns_per_op: n === null ? null : round(n),
    ratio: n === null ? null : round(m / n),
  };
}

function target(name: string, limit: number, value: number | null): Target {
  return {
    name,
    limit,
    value: value === null ? null : round(value, 3),
    met: value === null ? null : value <= limit,
    factor: value === null ? null : round(value / limit, 2),
  };
}

/** Issue 8's targets, each with the measured value it is judged on. */
export function targets(rows: readonly Row[], memory: Memory, suite: Report["claim_suite"]): Target[] {
  const churn = rows.filter((r) => r.trace === "churn" && r.ratio !== null);
  const at = (live: number) => rows.find((r) => r.trace === "churn" && r.sizes === "1-64" && r.live === live);
  const small = at(1024);
  const big = at(10_000_000);
  return [
    target(
      "worst model/native ratio on the churn traces (≤ 2)",
      2,
      churn.length > 0 ? Math.max(...churn.map((r) => r.ratio as number)) : null,
    ),
    target(
      "model per-op cost at 10M live / at 1K live, churn 1-64 (≤ 1.5)",
      1.5,
      small && big ? big.model_ns_per_op / small.model_ns_per_op : null,
    ),
    // The target above is missed by native pymalloc itself (its 10M rows wait on cache misses, at
    // 17-28x its 1K cost), so the README restates it: the model may not grow faster than native does.
    target(
      "model's growth from 1K to 10M live / native's, churn 1-64 (≤ 1.5)",
      1.5,
      small?.native_ns_per_op && big?.native_ns_per_op
        ? big.model_ns_per_op / small.model_ns_per_op / (big.native_ns_per_op / small.native_ns_per_op)
        : null,
    ),
    target(
      "RSS growth for 1 GiB of simulated small blocks, GiB (< 0.5)",
      0.5,
      memory.rss_delta_bytes / memory.simulated_bytes,
    ),
    target("model claim suite, s (< 10)", 10, suite.model_only.seconds),
    target("claim suite with every judge, s (< 120)", 120, suite.all_interpreters.seconds),
  ];
}
