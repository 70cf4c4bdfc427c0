// pnpm --filter @pymem/bench bench:python: how fast @pymem/python runs Python, beside native CPython
// running the same program in the same run.
//   1. every claim witness the model runs, and the article's snippets, on every profile of the core;
//   2. a loop of about 1M executed statements on one profile (targets: under 1 s and 3 s).
// Writes .reports/bench-python.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROFILES } from "@pymem/core";
import { runPython, UnsupportedError } from "@pymem/python";
import { CLAIMS } from "@pymem/scenarios";
import { witnessSource } from "@pymem/scenarios/node";
import { findNative } from "./native.js";

if (process.argv.slice(2).some((a) => a === "--help" || a === "-h")) {
  process.stdout.write(
    "usage: pnpm --filter @pymem/bench bench:python\n\n" +
      "How fast @pymem/python runs every claim witness it runs and the article's snippets on every\n" +
      "profile, and a loop of about 1M statements, beside native CPython in the same run. Writes\n" +
      ".reports/bench-python.json. Takes no options.\n",
  );
  process.exit(0);
}
if (process.argv.length > 2) {
  process.stderr.write(`bench:python: unknown argument ${process.argv[2]} (see --help)\n`);
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const reports = join(here, "..", ".reports");
const log = (s: string) => process.stderr.write(`bench:python: ${s}\n`);

/** while loop of 333,333 rounds: the test and two assignments, about 1M statements executed. */
const LOOP = "i = 0\ntotal = 0\nwhile i < 333333:\n    total = total + i\n    i = i + 1\nprint(total)\n";

const ARTICLE = ["article-example.py", "article-assignment.py"].map((f) =>
  readFileSync(join(here, "..", "..", "python", "test", "programs", f), "utf8"),
);

const profileVersion = (id: string) => id.replace(/-32bit$/, "");

function programsOnAllProfiles(): {
  programs: number;
  runs: number;
  refused: number;
  ms: number;
  roundsMs: number[];
} {
  const sources = [...CLAIMS.map((c) => witnessSource(c.id)), ...ARTICLE];
  // only the programs the model runs on every profile count: a refusal ends early and would flatter
  const runnable = sources.filter((s) =>
    PROFILES.every((p) => {
      try {
        runPython(s, { version: profileVersion(p.id), pointerSize: p.pointerSize });
        return true;
      } catch (e) {
        if (e instanceof UnsupportedError) return false;
        throw e;
      }
    }),
  );
  // Best of three rounds, as this shared VM's speed varies by half from minute to minute. Each round
  // runs new texts (a comment naming the round), so no round reuses the parses of another or of the
  // filter above: each program is parsed once per version, as when a reader runs it on every profile.
  const rounds = [1, 2, 3].map((round) => {
    const texts = runnable.map((s) => `${s}# round ${round}\n`);
    const t0 = performance.now();
    for (const s of texts)
      for (const p of PROFILES) runPython(s, { version: profileVersion(p.id), pointerSize: p.pointerSize });
    return performance.now() - t0;
  });
  return {
    programs: runnable.length,
    runs: runnable.length * PROFILES.length,
    refused: sources.length - runnable.length,
    ms: best(rounds),
    roundsMs: rounds.map(Math.round),
  };
}

function best(times: number[]): number {
  return Math.min(...times);
}

function modelLoop(version: string): number {
  return best(
    [0, 1, 2].map(() => {
      const t0 = performance.now();
      runPython(LOOP, { version });
      return performance.now() - t0;
    }),
  );
}

function nativeLoop(executable: string): number {
  return best(
    [0, 1, 2].map(() => {
      const t0 = performance.now();
      const r = spawnSync(executable, ["-S", "-E", "-c", LOOP], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`native run failed: ${r.stderr}`);
      return performance.now() - t0;
    }),
  );
}

const found = await findNative();
const native = typeof found === "string" ? undefined : found.interpreter;
const version = native ? `${native.versionInfo[0]}.${native.versionInfo[1]}` : "3.11";
log(`programs on every profile (${PROFILES.length}) ...`);
const all = programsOnAllProfiles();
log(`a loop of about 1M statements on ${version} ...`);
const model = modelLoop(version);
const real = native ? nativeLoop(native.executable) : null;
const report = {
  allProfiles: { ...all, targetMs: 1000 },
  loop: {
    version,
    statements: 1_000_000,
    modelMs: Math.round(model),
    nativeMs: real === null ? null : Math.round(real),
    nativeNote: native ? "process start-up included (python -S -E -c)" : String(found),
    ratio: real === null ? null : Number((model / real).toFixed(1)),
    targetMs: 3000,
  },
};
mkdirSync(reports, { recursive: true });
writeFileSync(join(reports, "bench-python.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  [
    `${all.programs} programs (claim witnesses the model runs, the article's snippets) on ${PROFILES.length} profiles: ` +
      `${all.runs} runs in ${all.ms.toFixed(0)} ms, best of ${all.roundsMs.join(" / ")} (target < 1000 ms; ${all.refused} programs the model refuses left out)`,
    `loop of ~1M statements on ${version}: model ${report.loop.modelMs} ms, native ${report.loop.nativeMs ?? "-"} ms` +
      `${report.loop.ratio === null ? "" : ` (${report.loop.ratio}×)`} (target < 3000 ms)`,
    "",
  ].join("\n"),
);
