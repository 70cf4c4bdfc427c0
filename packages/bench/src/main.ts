// pnpm bench (this package): the model's pymalloc against native pymalloc on identical workloads,
// measured in the same run, plus the model's memory per simulated byte.
//   --json   print the report as JSON on stdout (the table goes to stderr)
//   --quick  fewer steps and no 10M case (for a smoke run)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Pymalloc, profileForVersion } from "@pymem/core";
import {
  buildAgainst,
  discoverNative,
  harnessMode,
  harnessUnsupportedReason,
  type Interpreter,
  interpreterName,
} from "@pymem/oracle";
import { ChurnRunner, type Workload } from "./workload.js";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const REPEATS = 5; // the first is warm-up and is dropped; the median of the rest is reported
const STEPS = quick ? 200_000 : 2_000_000;
const here = dirname(fileURLToPath(import.meta.url));
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

const cases: Workload[] = [];
for (const maxSize of [64, 512]) {
  for (const live of [16, 1024, 65_536, 10_000_000]) {
    if (live === 10_000_000 && (quick || maxSize > 64)) continue; // 10M blocks of up to 512 B: 2.5 GB native
    cases.push({ pattern: "churn", live, maxSize, steps: STEPS, seed: 12345 });
  }
  cases.push({ pattern: "lifo", live: 0, maxSize, steps: STEPS, seed: 12345 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// native/churn.c calls PyObject_Malloc before start-up: 3.4 - 3.11 (3.12+ would crash there).
const natives = (await discoverNative()).filter(
  (i) =>
    harnessUnsupportedReason(i) === undefined &&
    harnessMode(i) === "before-startup" &&
    i.versionInfo[0] === 3,
);
const native: Interpreter | undefined = natives.at(-1);
let nativeBin: string | undefined;
let nativeNote = "";
if (native) {
  try {
    nativeBin = buildAgainst(native, join(here, "..", "native", "churn.c"), "churn");
  } catch (e) {
    nativeNote = `native build failed: ${(e as Error).message}`;
  }
} else nativeNote = "no native CPython 3.4–3.11 found";
const prof = profileForVersion(native ? `${native.versionInfo[0]}.${native.versionInfo[1]}` : "3.11");
log(`model profile ${prof.id}; native ${native ? interpreterName(native) : "none"} ${nativeNote}`);

// Memory first, in a clean heap: 1 GiB of simulated 512-byte blocks.
log("memory: 1 GiB of simulated 512-byte blocks ...");
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const simulated = quick ? 2 ** 27 : 2 ** 30;
const memModel = new Pymalloc(prof);
for (let i = 0; i < simulated / 512; i++) memModel.malloc(512);
gc?.();
const memory = {
  simulated_bytes: simulated,
  model_bytes: memModel.footprint(),
  rss_delta_bytes: process.memoryUsage().rss - rssBefore,
  model_bytes_per_simulated_byte: round(memModel.footprint() / simulated, 4),
};

interface Row {
  trace: string;
  live: number;
  sizes: string;
  model_ns_per_op: number;
  native_ns_per_op: number | null;
  ratio: number | null;
}
const rows: Row[] = [];
void memModel;
for (const w of cases) {
  const name = `${w.pattern}${w.pattern === "churn" ? ` live=${w.live}` : ""} sizes=1..${w.maxSize}`;
  log(`${name} ...`);
  const runner = new ChurnRunner(new Pymalloc(prof), w);
  const model = median(Array.from({ length: REPEATS }, () => runner.run()).slice(1));
  let nat: number | null = null;
  if (nativeBin) {
    const out = execFileSync(
      nativeBin,
      [w.pattern, String(w.live), String(w.maxSize), String(w.steps), String(w.seed), String(REPEATS)],
      {
        encoding: "utf8",
      },
    );
    nat = median(out.trim().split("\n").map(Number).slice(1));
  }
  rows.push({
    trace: w.pattern,
    live: w.live,
    sizes: `1-${w.maxSize}`,
    model_ns_per_op: round(model),
    native_ns_per_op: nat === null ? null : round(nat),
    ratio: nat === null ? null : round(model / nat),
  });
}

const churn64 = (live: number) =>
  rows.find((r) => r.trace === "churn" && r.live === live && r.sizes === "1-64");
const big = churn64(10_000_000) ?? churn64(65_536);
const small = churn64(1024);
const report = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "?",
    memory_bytes: totalmem(),
    node: process.version,
  },
  model_profile: prof.id,
  native: native ? interpreterName(native) : null,
  native_note: nativeNote || null,
  method: `median of ${REPEATS - 1} repeats after 1 warm-up; ${STEPS} steps (a malloc + a free) per repeat; ns per operation`,
  pymalloc: rows,
  growth_10M_vs_1K: big && small ? round(big.model_ns_per_op / small.model_ns_per_op) : null,
  memory,
  targets: {
    "model per-op time <= 2x native on churn": rows
      .filter((r) => r.trace === "churn")
      .every((r) => (r.ratio ?? Infinity) <= 2),
    "per-op cost at 10M live <= 1.5x 1K":
      big && small ? big.model_ns_per_op / small.model_ns_per_op <= 1.5 : null,
    "1 GiB simulated in < 0.5 GiB": memory.model_bytes < 2 ** 29,
  },
};

const table = [
  "trace  live        sizes   model ns/op  native ns/op  ratio",
  ...rows.map(
    (r) =>
      `${r.trace.padEnd(6)} ${String(r.live).padStart(10)}  ${r.sizes.padEnd(6)} ${String(r.model_ns_per_op).padStart(11)}  ${String(r.native_ns_per_op ?? "-").padStart(12)}  ${String(r.ratio ?? "-").padStart(5)}`,
  ),
  "",
  `model memory: ${(memory.model_bytes / 2 ** 20).toFixed(1)} MiB for ${(simulated / 2 ** 20).toFixed(0)} MiB simulated (${memory.model_bytes_per_simulated_byte} bytes per byte)`,
  `per-op growth, churn 1..64: ${report.growth_10M_vs_1K}x from 1K to ${big?.live} live blocks`,
  ...Object.entries(report.targets).map(([k, v]) => `target ${v ? "met" : "MISSED"}: ${k}`),
].join("\n");
mkdirSync(join(here, "..", ".reports"), { recursive: true });
writeFileSync(join(here, "..", ".reports", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
if (args.has("--json")) {
  process.stderr.write(`${table}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else process.stdout.write(`${table}\n`);

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}
