import { once } from "node:events";
import { parseArgs } from "node:util";
import {
  checkInvariants,
  DEFAULT_ARENA_BASE,
  ModelError,
  Pymalloc,
  profileForVersion,
  quote,
  Replayer,
  type TraceOp,
  TraceReader,
  TraceStateError,
  TraceSyntaxError,
} from "@pymem/core";

export const REPLAY_SYNOPSIS =
  "pymem replay [--python X.Y[.Z]] [--arena-base ADDR] [--arena-misalign BYTES] [--check] < trace";

export const REPLAY_USAGE = `replay: replays an allocator trace on the model of CPython's pymalloc and prints where every block goes.
  --python           CPython version or profile id (default 3.11); e.g. 3.9, 3.7.2, 3.6-pyenv, 3.12-32bit
  --arena-base       address of arena slot 0 (default 0x100000000000)
  --arena-misalign   bytes added to every arena address (default 0); 4096 gives 63-pool arenas on 3.10+
  --check            run the invariant checker after every operation
Trace lines: a ID SIZE | c ID N SIZE | r ID SIZE | f ID | s (stats) | n (getallocatedblocks) | # comment`;

/** Output lines gathered before one write (a write per line would cost more than the step). */
const LINES_PER_WRITE = 4096;

/**
 * Exit codes: 0 done, 2 bad usage or input. Every error about the trace reads
 * `pymem replay: <ErrorName>: line N: <what>`. On an error part way (a bad line, a step the trace's
 * state or the allocator refuses), the lines of the steps before it are written first, as the
 * native harness, which reads line by line, has written them. (For a step the allocator refuses,
 * the harness also prints that step's line, with its NULL result, before it stops; this does not.)
 * The trace is read and replayed as it streams in, and reading waits while the output cannot keep
 * up (a pipe to a slow reader), so memory does not grow with the trace's length.
 */
export async function replayCommand(
  args: string[],
  input: NodeJS.ReadableStream = process.stdin,
  write: (s: string) => boolean | undefined = (s) => process.stdout.write(s),
  warn: (s: string) => void = (s) => process.stderr.write(s),
  /** Resolves when output that `write` refused (returned false for) is gone, e.g. into a slow pipe. */
  drained: () => Promise<unknown> = () => once(process.stdout, "drain"),
): Promise<number> {
  let options: Exclude<ReturnType<typeof parse>, "help">;
  try {
    const parsed = parse(args);
    if (parsed === "help") {
      write(`usage: ${REPLAY_SYNOPSIS}\n${REPLAY_USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (e) {
    warn(`pymem replay: ${(e as Error).message}\n`);
    return 2;
  }
  const lines: string[] = [];
  /** Set when `write` has refused output: reading waits until it has drained (bounded memory). */
  let full = false;
  const flush = () => {
    if (lines.length > 0 && write(`${lines.join("\n")}\n`) === false) full = true;
    lines.length = 0;
  };
  /** The trace line of the step under way (0 before the first). */
  let current = 0;
  try {
    const pm = new Pymalloc(options.profile, {
      placement: { base: options.base, misalign: options.misalign },
    });
    const replayer = new Replayer(
      pm,
      (line) => {
        lines.push(line);
        if (lines.length >= LINES_PER_WRITE) flush();
      },
      options.check
        ? { afterEach: (_, address, previous) => checkInvariants(pm, { focus: [address, previous] }) }
        : {},
    );
    const step = (op: TraceOp, line: number) => {
      current = line;
      replayer.step(op, line);
    };
    // The steps above a bad line run first (they are read first); then it is reported.
    const reader = new TraceReader();
    // ignoreBOM: the decoder keeps a byte order mark, so that the reader skips exactly one.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    for await (const chunk of input) {
      reader.read(
        typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }),
        step,
      );
      if (full) {
        full = false;
        await drained();
      }
    }
    reader.read(decoder.decode(), step);
    reader.end(step);
    flush();
    return 0;
  } catch (e) {
    if (e instanceof ModelError || e instanceof RangeError) {
      flush();
      // Syntax and trace-state errors start with their line already; the allocator's do not.
      const named = e instanceof TraceSyntaxError || e instanceof TraceStateError;
      const where = named || current === 0 ? "" : `line ${current}: `;
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
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return "help";
  if (positionals.length > 0)
    throw new Error(`unexpected argument ${quote(positionals[0] as string)} (the trace is read from stdin)`);
  return {
    profile: profileForVersion(values.python),
    base:
      values["arena-base"] === undefined ? DEFAULT_ARENA_BASE : integer(values["arena-base"], "--arena-base"),
    misalign: integer(values["arena-misalign"], "--arena-misalign"),
    check: values.check,
  };
}

/** What a number option may be written as: decimal digits, or 0x and hexadecimal digits. */
const NUMBER_OPTION = /^(?:[0-9]+|0x[0-9a-f]+)$/i;

function integer(text: string, flag: string): number {
  const n = Number(text);
  // (Number alone takes "" and "  " as 0, and "1e3", " 12 " and "0b11" too.)
  if (!NUMBER_OPTION.test(text) || !Number.isSafeInteger(n))
    throw new Error(`${flag} needs a non-negative integer (decimal, or hex with 0x), got ${quote(text)}`);
  return n;
}
