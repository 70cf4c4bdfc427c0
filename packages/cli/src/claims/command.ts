// pymem claims: the whole claim-check suite. Runs every claim's spec under vitest and its witness on
// every interpreter it applies to, then prints a claim × version table (or, with --json, the report on
// stdout) and writes the JUnit, Markdown and badge files asked for. The exit code says whether the
// checks passed: a wrong claim correctly shown wrong passes.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import {
  discoverAll,
  type Interpreter,
  interpreterName,
  parseTimeoutMs,
  stopRunsOnSignals,
  writeFileAtomic,
} from "@pymem/oracle";
import { CLAIMS, type Claim, claimById } from "@pymem/scenarios";
import { SCENARIOS_DIR } from "@pymem/scenarios/node";
import { inCI } from "@pymem/testkit";
import { badgeFor } from "./badge.js";
import { renderJunit } from "./render-junit.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";
import { buildReport, type ClaimResult, type ClaimsReport, claimResult, type SpecSummary } from "./report.js";
import {
  currentCommit,
  inShard,
  machineName,
  mergeShards,
  parseShard,
  readShard,
  type Shard,
  type ShardFile,
  ShardMergeError,
} from "./shards.js";
import { runSpecs } from "./specs.js";
import { runWitnessChecks, type WitnessProgress } from "./witnesses.js";

export const CLAIMS_USAGE = [
  "usage: pymem claims [--claim ID]... [--shard K/N] [--json [FILE]] [--junit FILE] [--markdown FILE] [--badge FILE] [--no-witnesses] [--timeout MS]",
  "       pymem claims merge SHARD.json... [--json [FILE]] [--junit FILE] [--markdown FILE] [--badge FILE]",
].join("\n");

/** Where the report goes: --json (stdout, or the FILE after it), --junit, --markdown, --badge. */
interface Outputs {
  readonly json: boolean;
  readonly jsonFile?: string;
  readonly junit?: string;
  readonly markdown?: string;
  readonly badge?: string;
}

interface Options extends Outputs {
  readonly ids: readonly string[];
  readonly shard?: Shard;
  readonly witnesses: boolean;
  readonly timeoutMs: number;
}

export interface ClaimsIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Whether stderr is a terminal (progress then redraws one line). */
  readonly tty: boolean;
  /** Interpreters to use instead of discovering them (tests). */
  readonly interpreters?: readonly Interpreter[];
}

const defaultIo: ClaimsIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: process.stderr.isTTY === true,
};

/**
 * The command; SIGINT or SIGTERM stops it with vitest and every witness run it started (each in a
 * process group of its own, so the processes they forked go too).
 */
export async function claimsCommand(args: string[], io: ClaimsIo = defaultIo): Promise<number> {
  if (args[0] === "merge") return mergeCommand(args.slice(1), io);
  let options: Options | "help";
  try {
    options = parseOptions(args);
  } catch (e) {
    io.err(`pymem claims: ${(e as Error).message}\n${CLAIMS_USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    io.out(`${CLAIMS_USAGE}\n`);
    return 0;
  }
  const chosen = options;
  return stopRunsOnSignals(() => runClaims(chosen, io));
}

async function runClaims(options: Options, io: ClaimsIo): Promise<number> {
  const claims = CLAIMS.filter((c) => options.ids.length === 0 || options.ids.includes(c.id));
  const started = performance.now();
  // a shard runs the specs of every N-th claim and every N-th witness run (shards.ts)
  const owns = (c: Claim) => inShard(claims.indexOf(c), options.shard);
  const owned = claims.filter(owns);
  const share = options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : "";

  io.err(`pymem claims: running the specs of ${owned.length} claims under vitest${share} ...\n`);
  const specs = owned.length > 0 ? await runSpecs(owned.map((c) => c.id)) : new Map<string, SpecSummary>();
  const specFailures = [...specs.values()].reduce((n, s) => n + s.failed, 0);
  io.err(
    `  specs: ${[...specs.values()].reduce((n, s) => n + s.passed, 0)} passed, ${specFailures} failed\n`,
  );

  const interpreters = options.witnesses ? (io.interpreters ?? (await discoverAll())) : [];
  if (options.witnesses) {
    io.err(`pymem claims: running witnesses on ${interpreters.length} interpreters ...\n`);
  }
  const witnesses = await runWitnessChecks(options.witnesses ? claims : [], interpreters, {
    timeoutMs: options.timeoutMs,
    // three on two cores: each run spends part of its time waiting on a process (a Pyodide server,
    // an interpreter starting)
    concurrency: 3,
    onProgress: progressPrinter(io),
    ...(options.shard ? { shard: options.shard, owns } : {}),
  });
  if (io.tty) io.err("\n");
  if (options.shard) {
    const shard: ShardFile = {
      format: "pymem-claims-shard",
      version: 1,
      commit: currentCommit(SCENARIOS_DIR),
      machine: machineName(),
      shard: options.shard,
      interpreters: interpreters.map(interpreterName),
      claims: claims.map((c) => ({
        id: c.id,
        specs: owns(c) ? (specs.get(c.id) ?? NOT_RUN) : null,
        witnesses: witnesses.get(c.id)?.witnesses ?? [],
        not_applicable: witnesses.get(c.id)?.notApplicable ?? [],
      })),
    };
    return writeShard(shard, options, io, started);
  }

  const results: ClaimResult[] = claims.map((c) =>
    claimResult(
      c,
      specs.get(c.id) ?? NOT_RUN,
      witnesses.get(c.id)?.witnesses ?? [],
      witnesses.get(c.id)?.notApplicable ?? [],
    ),
  );
  const report = buildReport(results, inCI());
  io.err(`pymem claims: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return emitReport(report, options, io);
}

const NOT_RUN: SpecSummary = {
  tests: [],
  passed: 0,
  failed: 1,
  skipped: 0,
  failures: [{ name: "spec file", message: "not run" }],
};

/** Writes the report where `outputs` say; the exit code says whether its checks passed. */
function emitReport(report: ClaimsReport, outputs: Outputs, io: ClaimsIo): number {
  if (outputs.junit) writeReport(outputs.junit, renderJunit(report));
  if (outputs.markdown) writeReport(outputs.markdown, renderMarkdown(report));
  if (outputs.badge) writeReport(outputs.badge, `${JSON.stringify(badgeFor(report), null, 2)}\n`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (outputs.jsonFile) writeReport(outputs.jsonFile, json);
  io.out(outputs.json && !outputs.jsonFile ? json : renderText(report));
  return report.ok ? 0 : 1;
}

/** A shard's file (or stdout) and its own tally; passing means none of its checks failed. */
function writeShard(shard: ShardFile, options: Options, io: ClaimsIo, started: number): number {
  const checks = shard.claims.flatMap((c) => [
    ...(c.specs ? [{ failed: c.specs.failed, passed: c.specs.passed, skipped: c.specs.skipped }] : []),
    ...c.witnesses.map((w) => ({
      failed: w.status === "fail" ? 1 : 0,
      passed: w.status === "pass" ? 1 : 0,
      skipped: w.status === "skipped" ? 1 : 0,
    })),
  ]);
  const sum = (k: "failed" | "passed" | "skipped") => checks.reduce((n, c) => n + c[k], 0);
  const json = `${JSON.stringify(shard, null, 2)}\n`;
  if (options.jsonFile) writeReport(options.jsonFile, json);
  else io.out(json);
  io.err(
    `pymem claims: shard ${shard.shard.index}/${shard.shard.count} on ${shard.machine} at ${shard.commit}: ` +
      `${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return sum("failed") === 0 && !(inCI() && sum("skipped") > 0) ? 0 : 1;
}

/** pymem claims merge: the one report from shard files. */
async function mergeCommand(args: string[], io: ClaimsIo): Promise<number> {
  let parsed: { files: string[]; outputs: Outputs } | "help";
  let shards: { name: string; file: ShardFile }[];
  try {
    parsed = parseMergeOptions(args);
    if (parsed === "help") {
      io.out(`${CLAIMS_USAGE}\n`);
      return 0;
    }
    shards = parsed.files.map((name) => ({ name, file: readShard(name, readText(name)) }));
    const merged = mergeShards(shards);
    const results = [...merged].map(([id, m]) =>
      claimResult(claimById(id), m.specs, m.witnesses, m.notApplicable),
    );
    const report = buildReport(results, inCI());
    io.err(`pymem claims merge: ${shards.length} shards, ${results.length} claims\n`);
    return emitReport(report, parsed.outputs, io);
  } catch (e) {
    io.err(`pymem claims merge: ${(e as Error).message}\n${CLAIMS_USAGE}\n`);
    return 2;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ShardMergeError(
      `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

/** The report options both forms take; `--json FILE` is read as --json-file FILE. */
const OUTPUT_OPTIONS = {
  json: { type: "boolean", default: false },
  "json-file": { type: "string" },
  junit: { type: "string" },
  markdown: { type: "string" },
  badge: { type: "string" },
  help: { type: "boolean", default: false },
} as const;

/** `--json FILE` (a FILE that is not an option and, for merge, not a shard) as --json-file FILE. */
function jsonFileArgs(args: readonly string[], takesFile: (next: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === "--json" && next !== undefined && !next.startsWith("-") && takesFile(next)) {
      out.push("--json", "--json-file", next);
      i++;
    } else out.push(args[i] as string);
  }
  return out;
}

function outputsOf(values: {
  json: boolean;
  "json-file"?: string | undefined;
  junit?: string | undefined;
  markdown?: string | undefined;
  badge?: string | undefined;
}): Outputs {
  return {
    json: values.json,
    ...(values["json-file"] ? { jsonFile: values["json-file"] } : {}),
    ...(values.junit ? { junit: values.junit } : {}),
    ...(values.markdown ? { markdown: values.markdown } : {}),
    ...(values.badge ? { badge: values.badge } : {}),
  };
}

function parseMergeOptions(args: string[]): { files: string[]; outputs: Outputs } | "help" {
  // in `merge a.json --json b.json`, b.json is a shard unless it is the last word: give FILE last
  const { values, positionals } = parseArgs({
    args: jsonFileArgs(args, (next) => args.indexOf(next) === args.length - 1),
    options: OUTPUT_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) return "help";
  if (positionals.length === 0) throw new ShardMergeError("give the shard files to merge");
  return { files: positionals, outputs: outputsOf(values) };
}

function parseOptions(args: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: jsonFileArgs(args, () => true),
    options: {
      ...OUTPUT_OPTIONS,
      claim: { type: "string", multiple: true, default: [] },
      shard: { type: "string" },
      "no-witnesses": { type: "boolean", default: false },
      timeout: { type: "string", default: "90000" },
    },
    allowPositionals: true,
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  const ids = values.claim.flatMap((v) => v.split(",")).map((v) => v.trim().toUpperCase());
  const known = new Set(CLAIMS.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`no claim ${unknown.join(", ")} (known: ${[...known].join(" ")})`);
  const timeoutMs = parseTimeoutMs(values.timeout, "--timeout");
  return {
    ids,
    ...outputsOf(values),
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    witnesses: !values["no-witnesses"],
    timeoutMs,
  };
}

function progressPrinter(io: ClaimsIo): (p: WitnessProgress) => void {
  const width = (n: number) => String(n).length;
  return ({ done, total, claim, check }) => {
    const line = `[${String(done).padStart(width(total))}/${total}] ${claim} on ${check.interpreter}: ${check.status}`;
    if (io.tty) io.err(`\r\x1b[2K${line}`);
    else if (check.status !== "pass" || done === total || done % 25 === 0) io.err(`  ${line}\n`);
  };
}

function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
}
