// pymem run FILE.py --python X.Y[.Z]|all: runs a Python program on the model of one CPython build (or
// of every build the core has a profile for) with @pymem/python, and prints what that build would print.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  hasDebugBuild,
  hex,
  objectProfile,
  profile,
  profileForVersion,
  profileIds,
  quote,
  UnknownProfileError,
  withDebugHooks,
} from "@pymem/core";
import {
  type BuildOutcome,
  buildOfProfile,
  buildsText,
  checkSource,
  DEFAULT_INSTRUCTION_LIMIT,
  everyBuild,
  firstLine,
  groupByOutput,
  type ModelBuild,
  PythonModelError,
  type RunResult,
  runOnBuild,
  type TraceStep,
} from "@pymem/python";

/** One build to run on (@pymem/python's every-build.ts). */
type Build = ModelBuild;
/** One build's answer: its result, the model's refusal, or the model's failure. */
type Outcome = BuildOutcome;

export const RUN_SYNOPSIS =
  "pymem run FILE.py --python X.Y[.Z]|all [--json] [--trace] [--bits 32|64] [--debug] [--instruction-limit N]";

export const RUN_USAGE = `usage: ${RUN_SYNOPSIS}

Runs FILE.py (UTF-8) on the model of a CPython build and prints what that build would print: the
program's stdout on stdout, its stderr on stderr.
  --python X.Y[.Z]     a CPython version (2.7, 3.11, 3.7.2), or a profile id (3.6-pyenv, 3.12-32bit)
  --python all         every build the model has a profile for, 64-bit and 32-bit; prints a table with
                       each distinct output once, beside the builds that print it
  --bits 32|64         the build's pointer size (default 64); with all, only the builds of that size
  --debug              the build's Py_DEBUG variant (3.14+), whose debug hooks pad every request by
                       3 x sizeof(size_t); with all, the debug builds the model has
  --json               one JSON object {version, pointerSize, profile, stdout, stderr, exitCode,
                       exception?, steps?}; with all, an array of them (a refused build has "refused")
  --trace              after each statement: its line, the names in scope with their object's id, type
                       and refcount, the heap's objects and blocks, the free lists, what it printed
                       (one build only; with --json, the steps array; with all, --json is needed)
  --instruction-limit N  stop a runaway program after N instructions (default ${DEFAULT_INSTRUCTION_LIMIT})
Exit code: the program's own, 0 or 1 (an uncaught Python exception). 2 for bad arguments, a file that
cannot be read, an unknown version, and a program the model refuses (a syntax error, a construct not
modelled yet, a runaway), said in one line: pymem run: prog.py: line 4: 'async def' is not modelled yet.
3 when the model itself failed (a bug in pymem). With all: the largest of every build's.`;

/** The exit code of a build the model refused the program on, and of one it failed on. */
const REFUSED = 2;
const FAILED = 3;

/** What --json prints for one build. */
export interface RunJson {
  readonly version: string;
  readonly pointerSize: 4 | 8;
  readonly profile: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode: 0 | 1 | typeof REFUSED | typeof FAILED;
  readonly exception?: string;
  readonly steps?: readonly TraceStep[];
  /** Only for a build the model refused (--python all): its one-line reason. */
  readonly refused?: string;
  /** Only for a build the model failed on (a bug in pymem): the error's message. */
  readonly failed?: string;
  /** The refusal's or failure's kind: "UnsupportedError", "RunawayError", "RefcountUnderflowError"... */
  readonly error?: string;
}

class UsageError extends Error {}

interface Options {
  readonly file: string;
  readonly builds: readonly Build[];
  readonly all: boolean;
  readonly json: boolean;
  readonly trace: boolean;
  readonly instructionLimit: number;
}

export function runCommand(
  args: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  let options: Options;
  try {
    const parsed = parse(args);
    if (parsed === "help") {
      out(`${RUN_USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (e) {
    if (e instanceof UsageError || String((e as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      err(`pymem run: ${oneLine((e as Error).message)} (pymem run --help)\n`);
      return 2;
    }
    if (e instanceof UnknownProfileError || e instanceof RangeError) {
      err(`pymem run: ${oneLine(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  const { file } = options;
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (e) {
    err(`pymem run: ${file}: ${unreadable(e as NodeJS.ErrnoException)}\n`);
    return 2;
  }
  const run = (build: Build): Outcome =>
    runOnBuild(source, build, {
      filename: file,
      trace: options.trace,
      instructionLimit: options.instructionLimit,
    });

  if (!options.all) {
    const outcome = run(options.builds[0] as Build);
    if ("refused" in outcome) {
      err(`pymem run: ${file}: ${oneLine(outcome.refused.message)}\n`);
      return REFUSED;
    }
    if ("failed" in outcome) {
      err(`pymem run: ${file}: ${failure(outcome)}\n`);
      return FAILED;
    }
    const { result } = outcome;
    if (options.json) out(`${JSON.stringify(jsonOf(outcome), null, 2)}\n`);
    else {
      out(options.trace ? traceText(result, source) : result.stdout);
      err(result.stderr);
    }
    return result.exitCode;
  }

  // Every build: what no build can run (a syntax error, a construct not modelled) is said once.
  try {
    checkSource(source);
  } catch (e) {
    if (e instanceof PythonModelError) {
      err(`pymem run: ${file}: ${oneLine(e.message)}\n`);
      return REFUSED;
    }
    throw e;
  }
  const outcomes = options.builds.map(run);
  out(options.json ? `${JSON.stringify(outcomes.map(jsonOf), null, 2)}\n` : table(outcomes));
  return Math.max(...outcomes.map(exitCodeOf));
}

function parse(args: readonly string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      python: { type: "string" },
      bits: { type: "string" },
      debug: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      trace: { type: "boolean", default: false },
      "instruction-limit": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return "help";
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "expected a Python file" : "expected exactly one Python file",
    );
  if (values.python === undefined) throw new UsageError("--python X.Y[.Z] (or --python all) is required");
  const bits = values.bits === undefined ? undefined : pointerBits(values.bits);
  const all = values.python === "all";
  if (all && values.trace && !values.json)
    throw new UsageError("--trace with --python all needs --json (a trace per build); or name one build");
  return {
    file: positionals[0] as string,
    builds: (all
      ? everyBuild().filter((b) => bits === undefined || b.pointerSize * 8 === bits)
      : [resolve(values.python, bits)]
    )
      .filter((b) => !values.debug || !all || hasDebugBuild(profile(b.profile)))
      .map((b) => (values.debug ? asDebugBuild(b) : b)),
    all,
    json: values.json,
    trace: values.trace,
    instructionLimit:
      values["instruction-limit"] === undefined
        ? DEFAULT_INSTRUCTION_LIMIT
        : positiveInteger(values["instruction-limit"], "--instruction-limit"),
  };
}

function pointerBits(text: string): 32 | 64 {
  if (text === "32" || text === "64") return Number(text) as 32 | 64;
  throw new UsageError(`--bits is 32 or 64, got ${quote(text)}`);
}

function positiveInteger(text: string, flag: string): number {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag} needs a positive integer, got ${quote(text)}`);
  return n;
}

/** The Py_DEBUG variant of a build. Throws UnknownProfileError where the model has none (before 3.14). */
function asDebugBuild(b: Build): Build {
  return { ...b, profile: withDebugHooks(profile(b.profile)).id, debugBuild: true };
}

/**
 * The build --python names: a profile id with a tail ("3.6-pyenv", "3.12-32bit") as it is, else a
 * version at --bits. Throws UnknownProfileError or RangeError (from the core) when the model has none.
 */
function resolve(python: string, bits: 32 | 64 | undefined): Build {
  if (python.includes("-") && profileIds().includes(python)) {
    const p = profile(python);
    if (bits !== undefined && bits !== p.pointerSize * 8)
      throw new UsageError(`--bits ${bits} contradicts --python ${python}, a ${p.pointerSize * 8}-bit build`);
    return buildOfProfile(p);
  }
  const pointerSize = bits === 32 ? 4 : 8;
  // The object layer's check first: its message for 3.5 says which versions are modelled.
  objectProfile(python, pointerSize);
  const p = profileForVersion(python, pointerSize);
  return { profile: p.id, version: python, pointerSize, runAs: python, debugBuild: false };
}

function unreadable(e: NodeJS.ErrnoException): string {
  if (e.code === "ENOENT") return "no such file";
  if (e.code === "EISDIR") return "a directory, not a Python file";
  if (e instanceof TypeError) return "not UTF-8 (the model reads UTF-8 source only)";
  return `cannot read it: ${oneLine(e.message)}`;
}

const oneLine = firstLine;

function exitCodeOf(outcome: Outcome): RunJson["exitCode"] {
  return "refused" in outcome ? REFUSED : "failed" in outcome ? FAILED : outcome.result.exitCode;
}

function failure(outcome: { readonly build: Build; readonly failed: Error }): string {
  const { build, failed } = outcome;
  return `the model failed on ${build.profile} (a bug in pymem): ${failed.name}: ${oneLine(failed.message)}`;
}

function jsonOf(outcome: Outcome): RunJson {
  const { version, pointerSize, profile } = outcome.build;
  const exitCode = exitCodeOf(outcome);
  if ("refused" in outcome)
    return {
      version,
      pointerSize,
      profile,
      exitCode,
      refused: oneLine(outcome.refused.message),
      error: outcome.refused.name,
    };
  if ("failed" in outcome)
    return {
      version,
      pointerSize,
      profile,
      exitCode,
      failed: oneLine(outcome.failed.message),
      error: outcome.failed.name,
    };
  return { version, pointerSize, profile, ...outcome.result };
}

// ---------------------------------------------------------------------------------------------------
// --python all: a builds x output table, each distinct output once.

function table(outcomes: readonly Outcome[]): string {
  const rows = groupByOutput(outcomes).map((group) => ({
    builds: buildsText(group.map((o) => o.build)),
    output: outputLines(group[0] as Outcome),
  }));
  const width = Math.max("builds".length, ...rows.map((r) => r.builds.length));
  // The rule under the header and between outputs: as wide as the outputs, up to a terminal's 80 columns.
  const outputWidth = Math.max("output".length, ...rows.flatMap((r) => r.output.map((l) => l.length)));
  const rule = `${"-".repeat(width + 1)}+${"-".repeat(Math.max(7, Math.min(outputWidth + 1, 78 - width)))}`;
  const lines = [`${"builds".padEnd(width)} | output`];
  for (const row of rows) {
    lines.push(rule);
    row.output.forEach((line, i) => {
      lines.push(`${(i === 0 ? row.builds : "").padEnd(width)} | ${line}`.trimEnd());
    });
  }
  return `${lines.join("\n")}\n`;
}

function outputLines(outcome: Outcome): string[] {
  if ("refused" in outcome) return [`[refused] ${oneLine(outcome.refused.message)}`];
  if ("failed" in outcome)
    return [`[model failed] ${outcome.failed.name}: ${oneLine(outcome.failed.message)} (a bug in pymem)`];
  const { stdout, stderr, exitCode } = outcome.result;
  const lines = textLines(stdout, "(no output)");
  if (stderr !== "") lines.push("[stderr]", ...textLines(stderr, ""));
  if (exitCode !== 0) lines.push(`[exit code ${exitCode}]`);
  return lines;
}

/** The lines of a program's output; a last line without its newline is marked, so that it shows. */
function textLines(text: string, empty: string): string[] {
  if (text === "") return [empty];
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  else lines.push("[no newline at the end]");
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// --trace: a block per executed statement.

function traceText(result: RunResult, source: string): string {
  const code = source.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  let printed = "";
  for (const step of result.steps ?? []) {
    lines.push(`line ${step.line}: ${(code[step.line - 1] ?? "").trim()}`);
    const objects = new Map(step.objects.map((o) => [o.id, o]));
    const names = Object.entries(step.names);
    const width = Math.max(0, ...names.map(([name]) => name.length));
    for (const [name, id] of names) {
      const o = objects.get(id);
      const what = o ? `${o.type}  refcnt ${o.refcnt}  ${o.repr}` : "(static: not on the heap)";
      lines.push(`  ${name.padEnd(width)}  ${hex(id)}  ${what}`);
    }
    const free = Object.entries(step.freeLists)
      .map(([list, n]) => `${list} ${n}`)
      .join(", ");
    lines.push(
      `  heap: ${plural(step.objects.length, "object")}, ${plural(step.allocatedBlocks, "block")}; free lists: ${free || "none"}`,
    );
    for (const line of printedLines(step.printed)) lines.push(`  printed: ${line}`);
    printed += step.printed;
  }
  // What no step holds: the output of a statement that raised, and of finalizers run at exit.
  const rest = result.stdout.startsWith(printed) ? result.stdout.slice(printed.length) : "";
  if (rest !== "") {
    lines.push("after the last step:");
    for (const line of printedLines(rest)) lines.push(`  printed: ${line}`);
  }
  if (result.exception !== undefined) lines.push(`exit code ${result.exitCode}: ${result.exception}`);
  return `${lines.join("\n")}\n`;
}

function printedLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  return lines;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
