import { type ChildProcessByStdio, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { forget, killGroup, track } from "./process-group.js";

/**
 * bytes of address space (RLIMIT_AS) a native interpreter may map. CPython 2.7 - 3.13 starts in 8 - 13
 * MB and the largest witness (C15) peaks at 63 MB (VmPeak); 1 GiB leaves room many times over, while a
 * memory bomb (one reached 9.8 GB) gets a MemoryError instead of taking the machine.
 */
export const MEMORY_LIMIT_BYTES = 1024 ** 3;

/** bytes of stdout, and as many of stderr, kept from one run; past either the run is killed. */
export const MAX_OUTPUT_BYTES = 4 * 1024 ** 2;

/** milliseconds: Node's timers hold at most 2^31 - 1 and fire after 1 ms when given more. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * milliseconds to keep reading after the program exited and its group was killed: what it wrote is
 * already in the pipes, and a process that left the group (setsid) could hold them open forever.
 */
const PIPE_GRACE_MS = 500;

const TIMEOUT_RULE = `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (Node's timer limit)`;

/** Whether `ms` can be a time-out. */
export function isTimeoutMs(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= 1 && ms <= MAX_TIMEOUT_MS;
}

/** A time-out given as text (a command's --timeout); a RangeError says what is allowed. */
export function parseTimeoutMs(text: string, name = "a time-out"): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!isTimeoutMs(ms)) throw new RangeError(`${name} must be ${TIMEOUT_RULE}, got "${text}"`);
  return ms;
}

export interface RunResult {
  /** "ok": exit code 0; "error": non-zero exit, killed, or failed to start; "timeout": killed after timeoutMs. */
  readonly status: "ok" | "error" | "timeout";
  /** null when it did not exit by itself (killed by a signal, or never started). */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout or stderr passed its limit (MAX_OUTPUT_BYTES): the run was killed there, output incomplete. */
  readonly truncated: boolean;
  /** milliseconds */
  readonly durationMs: number;
}

/** Whether the program ended by itself (any exit code), with its whole output. */
export function ranToCompletion(r: RunResult): boolean {
  return r.status !== "timeout" && r.exitCode !== null && !r.truncated;
}

export interface RunOptions {
  /** milliseconds before the process is killed (default 20 000). */
  readonly timeoutMs?: number;
  /**
   * PYTHON* variables the run sets (a judge's PYTHONMALLOC=mimalloc). Then -E cannot be used: the
   * run gets the caller's environment without any PYTHON* variable, and these.
   */
  readonly pythonEnv?: Readonly<Record<string, string>>;
  /**
   * Pyodide: run in a Node process of its own, the interpreter started from scratch, not on a server
   * (pyodide-server.ts) nor from a start-up snapshot (pyodide-snapshot.ts).
   */
  readonly ownProcess?: boolean;
}

export interface ProcessOptions {
  /** milliseconds before the process group is killed. */
  readonly timeoutMs: number;
  /** bytes of address space (RLIMIT_AS); no limit when absent. */
  readonly memoryLimitBytes?: number;
  /** bytes kept of stdout and of stderr each (default MAX_OUTPUT_BYTES). */
  readonly maxOutputBytes?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Run with the address space layout not randomised (Linux's ADDR_NO_RANDOMIZE personality, set
   * by util-linux's `setarch -R`; ignored where there is no setarch). Some block counts depend on
   * addresses. CPython's type attribute cache (Objects/typeobject.c, _PyType_Lookup; the entry is
   * picked by MCACHE_HASH_METHOD from the name's address) keeps a strong reference to each name it
   * holds, so a lookup that evicts a name nothing else holds frees it, at a time that changes with
   * the layout: a corpus program counted 6 new blocks in about 1 run of 7 on Debian's 3.13.18 i386,
   * 7 in the rest (7 December 2026, one environment, one hash seed); under `setarch -R`, 7 always.
   */
  readonly fixedAddresses?: boolean;
}

/** The command prefix that turns address randomisation off, or none where it cannot be. */
export function fixedAddressesPrefix(): readonly string[] {
  return process.platform === "linux" && existsSync(SETARCH) ? [SETARCH, "-R"] : [];
}
const SETARCH = "/usr/bin/setarch";

/**
 * Runs Python source on an executable: the source goes in on stdin (`python -E -s -`), byte for byte,
 * so the same call works from 2.7 to 3.14, for any length and any coding declaration (stdin is a
 * file: see runProcess). -E ignores PYTHON* variables (PYTHONMALLOC, PYTHONHASHSEED...) of the caller's
 * shell; -s ignores the user's site-packages. Its address space is capped at MEMORY_LIMIT_BYTES.
 */
export function runPython(
  executable: string,
  source: string | Uint8Array,
  options: RunOptions = {},
): Promise<RunResult> {
  const own = options.pythonEnv;
  const hasOwn = own !== undefined && Object.keys(own).length > 0;
  return runProcess(executable, hasOwn ? ["-s", "-"] : ["-E", "-s", "-"], source, {
    timeoutMs: options.timeoutMs ?? 20_000,
    memoryLimitBytes: MEMORY_LIMIT_BYTES,
    cwd: emptyWorkingDirectory(),
    ...(hasOwn ? { env: { ...withoutPythonVariables(process.env), ...own } } : {}),
  });
}

/** The environment without PYTHON* variables: what -E makes the interpreter see. */
function withoutPythonVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith("PYTHON")));
}

let workingDirectory: string | undefined;

/**
 * The directory native programs run in: empty, made once per process, removed at exit. A program
 * read from stdin has the working directory first on sys.path, and its first import lists that
 * directory (3.x's FileFinder keeps the names), so what the caller's directory holds changes the heap
 * the program starts from: one generated program printed `id(v3) == i1` True when run from
 * packages/python and False from an empty directory, on 3.6 to 3.11.
 */
export function emptyWorkingDirectory(): string {
  if (workingDirectory === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "pymem-cwd-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    workingDirectory = dir;
  }
  return workingDirectory;
}

/** Keeps the first `limit` bytes of a stream; `add` says whether everything so far fitted. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  add(b: Buffer): boolean {
    const room = this.limit - this.size;
    this.chunks.push(b.length <= room ? b : b.subarray(0, room));
    this.size += Math.min(b.length, room);
    return b.length <= room;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

/** An open descriptor of a file holding `input`, already unlinked (it goes with the descriptors). */
function inputFile(input: string | Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), "pymem-stdin-"));
  try {
    const path = join(dir, "stdin");
    writeFileSync(path, input);
    return openSync(path, "r");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a process with `input` on stdin, collecting stdout and stderr. Its stdin is a file, not a pipe:
 * CPython 3 reads a coding declaration other than UTF-8 from a file but fails on a pipe ("SyntaxError:
 * encoding problem: iso-8859-1"), and a file needs no writer. It leads a process group of its
 * own, killed whole (SIGKILL) at the time-out, past the output limit, and when the process exits, so
 * children it leaves behind die with it and the run ends even if they hold its pipes.
 * Status: "ok" for exit code 0, "timeout" when killed by the time-out, "error" otherwise.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  input: string | Uint8Array,
  options: ProcessOptions,
): Promise<RunResult> {
  if (!isTimeoutMs(options.timeoutMs)) {
    return Promise.reject(new RangeError(`a time-out must be ${TIMEOUT_RULE}, got ${options.timeoutMs}`));
  }
  const limit = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  // setarch execs the command: the pid stays the group's leader.
  const [program, ...programArgs] = [
    ...(options.fixedAddresses ? fixedAddressesPrefix() : []),
    command,
    ...args,
  ];
  const [file, argv] =
    options.memoryLimitBytes === undefined
      ? [program as string, programArgs]
      : // ulimit -v counts KiB; exec keeps the program's pid, the group's leader.
        [
          "/bin/sh",
          [
            "-c",
            `ulimit -v ${Math.floor(options.memoryLimitBytes / 1024)} && exec "$@"`,
            "sh",
            program as string,
            ...programArgs,
          ],
        ];
  const started = performance.now();
  return new Promise((resolve) => {
    const stdin = inputFile(input);
    const child = spawn(file, argv, {
      stdio: [stdin, "pipe", "pipe"],
      detached: true,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.env ? { env: options.env } : {}),
    }) as ChildProcessByStdio<null, Readable, Readable>;
    closeSync(stdin);
    const leader = child.pid;
    if (leader !== undefined) track(leader);
    const stop = () => {
      if (leader !== undefined) killGroup(leader);
    };
    const out = new Capture(limit);
    const err = new Capture(limit);
    let timedOut = false;
    let truncated = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    let grace: NodeJS.Timeout | undefined;
    const keep = (capture: Capture) => (b: Buffer) => {
      if (truncated || capture.add(b)) return;
      truncated = true;
      stop();
    };
    child.stdout.on("data", keep(out));
    child.stderr.on("data", keep(err));
    let finished = false;
    const finish = (exitCode: number | null, extraErr = "") => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(grace);
      stop();
      if (leader !== undefined) forget(leader);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        status: timedOut ? "timeout" : exitCode === 0 ? "ok" : "error",
        exitCode,
        stdout: out.text(),
        stderr: err.text() + extraErr,
        truncated,
        durationMs: performance.now() - started,
      });
    };
    child.on("error", (e) => finish(null, String(e)));
    child.on("exit", (code) => {
      stop();
      // After the grace, one more turn of the event loop before giving up on the pipes: a timer can
      // fire before the loop has read what they hold, when something kept it busy meanwhile (a
      // scenarios CI run once got an exit code 0 and no output from a witness that prints a dozen
      // lines, in a test worker that computes the model's predictions between runs).
      grace = setTimeout(() => setImmediate(() => finish(code)), PIPE_GRACE_MS);
    });
    child.on("close", (code) => finish(code));
  });
}
