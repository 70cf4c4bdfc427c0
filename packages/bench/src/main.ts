// pnpm bench: the model's pymalloc against native pymalloc on identical traces, measured in the same
// run, plus the model's memory per simulated byte and the claim suite's time. Writes
// .reports/bench.json, bench.md and bench.svg (the plot the Markdown embeds).
//   --json   print the report as JSON on stdout (everything else goes to stderr)
//   --quick  a smoke run: fewer steps, no 1M/10M live sets, no suite timings
//   --allocator  the allocator rows and the memory figure only (no claim suite, no site): what
//            `pnpm bench` in packages/core runs
//   --rounds=N  fresh processes per case on each side (default 3, 1 with --quick)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { V8_INLINING_FLAGS } from "@pymem/core";
import { interpreterName } from "@pymem/oracle";
import { syntheticCases } from "./cases.js";
import { machine } from "./machine.js";
import { markdownReport } from "./markdown.js";
import type { ModelCaseSpec } from "./model-case.js";
import { churnArgs, findNative, runRepeats } from "./native.js";
import { growthPlot } from "./plot.js";
import { compactTrace, formatCompact, recordProgram } from "./real-trace.js";
import { type Memory, makeRow, type Report, type Row, type Timing, targets } from "./report.js";
import { measureSite, notMeasuredSite } from "./site-figures.js";
import { timeClaimSuite } from "./suite-time.js";
import { terminalTable } from "./table.js";

const USAGE = `usage: pnpm bench [--json] [--quick] [--allocator] [--rounds=N]

The model's pymalloc against native pymalloc on identical traces, measured in the same run, plus the
model's memory per simulated byte, the claim suite's time and the site's figures. Writes
.reports/bench.json, bench.md and bench.svg.
  --json       print the report as JSON on stdout (everything else goes to stderr)
  --quick      a smoke run: fewer steps, no 1M/10M live sets, no suite timings
  --allocator  the allocator rows and the memory figure only (no claim suite, no site)
  --rounds=N   fresh processes per case on each side (default 3, 1 with --quick)
`;
const KNOWN = /^(--json|--quick|--allocator|--rounds=.*)$/;
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const unknown = argv.find((a) => !KNOWN.test(a));
if (unknown !== undefined) {
  process.stderr.write(`pnpm bench: unknown argument ${unknown} (see --help)\n`);
  process.exit(2);
}
const args = new Set(argv);
const quick = args.has("--quick");
const allocatorOnly = args.has("--allocator");
/** Why the suite and site figures are missing from this run, if they are. */
const skipOthers = quick ? "a --quick run" : allocatorOnly ? "an --allocator run" : null;
const REPEATS = 5; // the first is a warm-up and is dropped; the median of the rest is reported
/** Fresh processes per case on each side, taking turns; the lowest median counts (bestOfRounds). */
const roundsArg = process.argv.find((a) => a.startsWith("--rounds="));
const ROUNDS = roundsArg ? Number(roundsArg.slice("--rounds=".length)) : quick ? 1 : 3;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new RangeError(`--rounds wants a whole number ≥ 1`);
const STEPS = quick ? 200_000 : 2_000_000;
const here = dirname(fileURLToPath(import.meta.url));
const reports = join(here, "..", ".reports");
const PROGRAM = join(here, "..", "..", "oracle", "programs", "json_roundtrip.py");
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
mkdirSync(reports, { recursive: true });

const found = await findNative();
const native = typeof found === "string" ? null : found;
const nativeNote = typeof found === "string" ? found : null;
const profileId = native
  ? `${native.interpreter.versionInfo[0]}.${native.interpreter.versionInfo[1]}`
  : "3.11";
log(
  `model profile ${profileId}; native ${native ? interpreterName(native.interpreter) : `none: ${nativeNote}`}`,
);

/** One model case, in a fresh Node process (see model-case.ts), under the model's V8 flags. */
function modelRepeats(spec: Pick<ModelCaseSpec, "workload" | "traceFile">): number[] {
  const full: ModelCaseSpec = { profile: profileId, repeats: REPEATS, ...spec };
  return runRepeats(process.execPath, [
    ...V8_INLINING_FLAGS,
    join(here, "model-case.js"),
    JSON.stringify(full),
  ]);
}

log("memory: simulated 512-byte blocks ...");
const simulated = quick ? 2 ** 27 : 2 ** 30;
const memory = JSON.parse(
  execFileSync(
    process.execPath,
    ["--expose-gc", join(here, "memory-case.js"), profileId, String(simulated)],
    {
      encoding: "utf8",
    },
  ),
) as Memory;

/** A row of the table: how to measure it once, in a fresh process, on each side. */
interface Case {
  readonly trace: string;
  readonly live: number;
  readonly sizes: string;
  readonly model: () => number[];
  readonly native: (() => number[]) | null;
}
const cases: Case[] = syntheticCases(STEPS, quick).map((w) => ({
  trace: w.pattern,
  live: w.live,
  sizes: `1-${w.maxSize}`,
  model: () => modelRepeats({ workload: w }),
  native: native ? () => runRepeats(native.churn, churnArgs(w, REPEATS)) : null,
}));
if (native) {
  log("recorded program: json_roundtrip.py's allocator traffic ...");
  const traceFile = join(reports, "program.trace");
  writeFileSync(traceFile, formatCompact(compactTrace(recordProgram(native.interpreter, PROGRAM))));
  cases.push({
    trace: "program",
    live: 0,
    sizes: "recorded",
    model: () => modelRepeats({ traceFile }),
    native: () => runRepeats(native.replay, [traceFile, String(REPEATS)]),
  });
} else log("recorded program: skipped (recording needs the native harness)");

// Each round runs every case once, model then native, so that a case's rounds are minutes apart:
// what slows a machine shared with other work tends to last a while, and rounds back to back
// shared it (the 1M rows once measured 1.6x their usual time in all three).
const modelRounds = cases.map((): number[][] => []);
const nativeRounds = cases.map((): number[][] => []);
for (let r = 0; r < ROUNDS; r++)
  for (const [k, c] of cases.entries()) {
    log(
      `round ${r + 1}/${ROUNDS}, case ${k + 1}/${cases.length}: ${c.trace} live=${c.live} sizes=${c.sizes} ...`,
    );
    modelRounds[k]?.push(c.model());
    if (c.native) nativeRounds[k]?.push(c.native());
  }
const rows: Row[] = cases.map((c, k) =>
  makeRow(c.trace, c.live, c.sizes, modelRounds[k] ?? [], c.native ? (nativeRounds[k] ?? []) : null),
);

const notMeasured: Timing = { seconds: null, note: `not measured in ${skipOthers}` };
let modelOnly = notMeasured;
let allInterpreters = notMeasured;
if (skipOthers === null) {
  log("claim suite, model only (pnpm claims --no-witnesses) ...");
  modelOnly = timeClaimSuite(["--no-witnesses"]);
  log("claim suite with every judge (pnpm claims) ...");
  allInterpreters = timeClaimSuite([]);
}
const claimSuite = { model_only: modelOnly, all_interpreters: allInterpreters };

const report: Report = {
  machine: machine(),
  model_profile: profileId,
  native: native ? interpreterName(native.interpreter) : null,
  native_note: nativeNote,
  model_v8_flags: V8_INLINING_FLAGS,
  method:
    `${ROUNDS} round(s) per case, each a fresh process on each side, the sides taking turns; ` +
    `${REPEATS} repeats per process, the first a warm-up, the median of the rest; the lowest of ` +
    `the rounds' medians on each side; ` +
    `${STEPS} steps per repeat (churn/lifo: a free and a malloc, realloc: one realloc); ` +
    "the recorded program: its whole trace per repeat; ns per allocator call",
  pymalloc: rows,
  memory,
  claim_suite: claimSuite,
  site: skipOthers === null ? measureSite() : notMeasuredSite(`not measured in ${skipOthers}`),
  targets: targets(rows, memory, claimSuite),
};

const table = terminalTable(report);
writeFileSync(join(reports, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(reports, "bench.svg"), growthPlot(rows));
writeFileSync(join(reports, "bench.md"), markdownReport(report, "bench.svg"));
log(`report: ${join(reports, "bench.md")} (and bench.json, bench.svg)`);
if (args.has("--json")) {
  process.stderr.write(`${table}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else process.stdout.write(`${table}\n`);
