import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import {
  checkInvariants,
  DEFAULT_ARENA_BASE,
  ModelError,
  Pymalloc,
  profileForVersion,
  readTrace,
  replay,
  TraceStateError,
  TraceSyntaxError,
} from "@pymem/core";

/**
 * Exit codes: 0 done, 2 bad usage or input. Every error about the trace reads
 * `pymem replay: <ErrorName>: line N: <what>`. On an error part way (a bad line, a step the trace's
 * state or the allocator refuses), the lines of the steps before it are written first, as the
 * native harness, which reads line by line, has written them. (For a step the allocator refuses,
 * the harness also prints that step's line, with its NULL result, before it stops; this does not.)
 */
export async function replayCommand(
  args: string[],
  input: NodeJS.ReadableStream = process.stdin,
  write: (s: string) => void = (s) => process.stdout.write(s),
  warn: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args);
  } catch (e) {
    warn(`pymem replay: ${(e as Error).message}\n`);
    return 2;
  }
  const lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) write(`${lines.join("\n")}\n`);
    lines.length = 0;
  };
  let lineNumbers: readonly number[] = [];
  /** Operations done; the one that failed, if any, is lineNumbers[done]. */
  let done = 0;
  try {
    const pm = new Pymalloc(options.profile, {
      placement: { base: options.base, misalign: options.misalign },
    });
    // The steps above a bad line run first; then it is reported.
    const { ops, lines: numbers, error: badLine } = readTrace(await text(input));
    lineNumbers = numbers;
    replay(
      pm,
      ops,
      (line) => {
        lines.push(line);
        if (lines.length >= 4096) flush();
      },
      {
        lineNumbers,
        afterEach: (index, address, previous) => {
          if (options.check) checkInvariants(pm, { focus: [address, previous] });
          done = index + 1;
        },
      },
    );
    if (badLine !== undefined) throw badLine;
    flush();
    return 0;
  } catch (e) {
    if (e instanceof ModelError || e instanceof RangeError) {
      flush();
      // Syntax and trace-state errors start with their line already; the allocator's do not.
      const named = e instanceof TraceSyntaxError || e instanceof TraceStateError;
      const line = lineNumbers[done];
      const where = named || line === undefined ? "" : `line ${line}: `;
      warn(`pymem replay: ${e.name}: ${where}${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      python: { type: "string", default: "3.11" },
      "arena-base": { type: "string" },
      "arena-misalign": { type: "string", default: "0" },
      check: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0)
    throw new Error(`unexpected argument "${positionals[0]}" (the trace is read from stdin)`);
  return {
    profile: profileForVersion(values.python),
    base:
      values["arena-base"] === undefined ? DEFAULT_ARENA_BASE : integer(values["arena-base"], "--arena-base"),
    misalign: integer(values["arena-misalign"], "--arena-misalign"),
    check: values.check,
  };
}

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${flag} needs a non-negative integer, got "${text}"`);
  return n;
}
