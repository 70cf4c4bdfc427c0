// pymem claims: the whole claim-check suite. Runs every claim's spec under vitest and its witness on
// every interpreter it applies to, then prints a claim × version table (or, with --json, the report on
// stdout) and writes the JUnit, Markdown and badge files asked for. The exit code says whether the
// checks passed: a wrong claim correctly shown wrong passes.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import {
  discoverAll,
  type Interpreter,
  parseTimeoutMs,
  stopRunsOnSignals,
  writeFileAtomic,
} from "@pymem/oracle";
import { CLAIMS } from "@pymem/scenarios";
import { inCI } from "@pymem/testkit";
import { badgeFor } from "./badge.js";
import { renderJunit } from "./render-junit.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";
import { buildReport, type ClaimResult, claimResult } from "./report.js";
import { runSpecs } from "./specs.js";
import { runWitnessChecks, type WitnessProgress } from "./witnesses.js";

export const CLAIMS_USAGE =
  "usage: pymem claims [--claim ID]... [--json] [--junit FILE] [--markdown FILE] [--badge FILE] [--no-witnesses] [--timeout MS]";

interface Options {
  readonly ids: readonly string[];
  readonly json: boolean;
  readonly junit?: string;
  readonly markdown?: string;
  readonly badge?: string;
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

  io.err(`pymem claims: running the specs of ${claims.length} claims under vitest ...\n`);
  const specs = await runSpecs(claims.map((c) => c.id));
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
    concurrency: 2,
    onProgress: progressPrinter(io),
  });
  if (io.tty) io.err("\n");

  const results: ClaimResult[] = claims.map((c) =>
    claimResult(
      c,
      specs.get(c.id) ?? {
        tests: [],
        passed: 0,
        failed: 1,
        skipped: 0,
        failures: [{ name: "spec file", message: "not run" }],
      },
      witnesses.get(c.id)?.witnesses ?? [],
      witnesses.get(c.id)?.notApplicable ?? [],
    ),
  );
  const report = buildReport(results, inCI());
  io.err(`pymem claims: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  if (options.junit) writeReport(options.junit, renderJunit(report));
  if (options.markdown) writeReport(options.markdown, renderMarkdown(report));
  if (options.badge) writeReport(options.badge, `${JSON.stringify(badgeFor(report), null, 2)}\n`);
  io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
  return report.ok ? 0 : 1;
}

function parseOptions(args: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args,
    options: {
      claim: { type: "string", multiple: true, default: [] },
      json: { type: "boolean", default: false },
      junit: { type: "string" },
      markdown: { type: "string" },
      badge: { type: "string" },
      "no-witnesses": { type: "boolean", default: false },
      timeout: { type: "string", default: "90000" },
      help: { type: "boolean", default: false },
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
    json: values.json,
    ...(values.junit ? { junit: values.junit } : {}),
    ...(values.markdown ? { markdown: values.markdown } : {}),
    ...(values.badge ? { badge: values.badge } : {}),
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
