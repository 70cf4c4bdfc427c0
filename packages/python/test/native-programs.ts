/*
 * Runs Python programs on real interpreters, for the tests that judge @pymem/python against CPython.
 *
 * A native interpreter runs each program in a fresh process, as @pymem/oracle runs a claim's witness:
 * `python -s -` with the source on stdin (a file) and its address space capped (runProcess). One
 * difference: the oracle passes -E and inherits the caller's environment, which leaves two inputs
 * free that change what some programs print, since they change the heap the program starts from:
 *   - the hash seed (-E ignores PYTHONHASHSEED, so 3.x picks a random one each run): one generated
 *     program of 300 printed `id(x) == i0` True on 3.6 in 1 run of 30 and False in the rest;
 *   - the environment (HOME and LANG each changed that same program's output on 3.6).
 * So by default the environment is pinned to PINNED_ENV (a fixed hash seed, a UTF-8 locale, nothing
 * else, which also keeps out every PYTHON* variable as -E would), it runs in an empty directory
 * (emptyWorkingDirectory, since the first import lists it) and with fixed addresses (the type cache
 * frees names at address-dependent times: ProcessOptions.fixedAddresses): the same program then
 * prints the same on every run. (Not on every machine: site-packages' .pth files still run at start-up, and differ
 * between machines.) `environment: "inherit"` runs exactly as the oracle does.
 * A Pyodide build always runs through the oracle (runWitness): a fresh Node process per program.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasDebugBuild } from "@pymem/core";
import {
  archiveJudges,
  discoverNative,
  discoverPyodide,
  emptyWorkingDirectory,
  type Interpreter,
  interpreterName,
  MEMORY_LIMIT_BYTES,
  type RunResult,
  runProcess,
  runWitness,
} from "@pymem/oracle";
import { ForkServer } from "./fork-server.js";

export interface PythonProgram {
  /** a file name ("refcount-names.py") or a generated program's name ("generated-17") */
  readonly name: string;
  readonly source: string;
}

export interface ProgramRun {
  readonly program: string;
  readonly interpreter: Interpreter;
  /** the oracle's result: status, exitCode, stdout, stderr, truncated, durationMs */
  readonly result: RunResult;
}

export interface RunProgramsOptions {
  /** runs at a time (default 2: the machine has two cores) */
  readonly concurrency?: number;
  /** milliseconds per run (default 20 s native, 60 s Pyodide, as the oracle's) */
  readonly timeoutMs?: number;
  /** native only: "pinned" (default, PINNED_ENV) or "inherit" (the oracle's -E and this process's) */
  readonly environment?: "pinned" | "inherit";
  /**
   * native only: "fresh" (default) a process per program; "fork-server" forks each program from one
   * process per interpreter (fork-server.ts): 1.2-1.8 times faster, and 6 outputs in 3249 differed.
   */
  readonly processes?: "fresh" | "fork-server";
  /** called after each run, e.g. for progress */
  readonly onRun?: (run: ProgramRun) => void;
}

/** The environment native runs get: the hash seed fixed, UTF-8 output, nothing from the caller. */
export const PINNED_ENV: Readonly<Record<string, string>> = { PYTHONHASHSEED: "0", LANG: "C.UTF-8" };

const NATIVE_TIMEOUT_MS = 20_000;

/** The hand-written corpus, test/programs/*.py. */
export const CORPUS_DIR = join(import.meta.dirname, "programs");
/**
 * Programs the differential found the model wrong on, shrunk (test/regressions/*.py, named
 * "regressions/<file>"): kept and judged like the corpus once fixed or listed in known-mismatches.json.
 */
export const REGRESSIONS_DIR = join(import.meta.dirname, "regressions");

/** The corpus, then the regressions, each in file-name order. */
export function corpusPrograms(): PythonProgram[] {
  const read = (dir: string, prefix: string) =>
    (existsSync(dir) ? readdirSync(dir) : [])
      .filter((f) => f.endsWith(".py"))
      .sort()
      .map((name) => ({ name: `${prefix}${name}`, source: readFileSync(join(dir, name), "utf8") }));
  return [...read(CORPUS_DIR, ""), ...read(REGRESSIONS_DIR, "regressions/")];
}

/**
 * The oldest version a program runs on, from a header line `# pymem: python >= 3.6` (for syntax
 * that 2.7 rejects, such as f-strings: older interpreters must fail with a SyntaxError instead).
 */
export function minimumVersion(source: string): readonly [number, number] | undefined {
  const m = /^# pymem: python >= (\d+)\.(\d+)$/m.exec(source);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Whether `i` is at least the program's minimumVersion (always, without one). */
export function runsOn(source: string, i: Interpreter): boolean {
  const min = minimumVersion(source);
  if (min === undefined) return true;
  const [major, minor] = i.versionInfo;
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

/**
 * Debian's builds (@pymem/oracle's archive judges) the model is held to: all of them, the debug build
 * on the model's debug profile (@pymem/core withDebugHooks). The 3.14 and 3.15 ones came with known
 * mismatches (known-mismatches.json).
 */
export const HELD_ARCHIVE_JUDGES: readonly string[] = [
  "debian-3.14",
  "debian-3.15",
  "debian-3.14d",
  "debian-3.11-i386",
  "debian-3.13-i386",
  "debian-3.14-i386",
  "debian-3.15-i386",
];

/**
 * The interpreters programs are judged on, oldest first: native CPython (pyenv or PYMEM_PYTHONS;
 * then the archive judges of HELD_ARCHIVE_JUDGES that are fetched, unless PYMEM_PYTHONS lists the
 * interpreters) and the Pyodide builds. Free-threaded builds, and debug builds before 3.14, are left
 * out: the model has no profile for them.
 */
export async function judgeInterpreters(kind: "native" | "pyodide" | "all" = "all"): Promise<Interpreter[]> {
  const native = kind === "pyodide" ? [] : await discoverNative();
  const listed = (process.env.PYMEM_PYTHONS ?? "").trim() !== "";
  const archive =
    kind === "pyodide" || listed
      ? []
      : (await archiveJudges()).found
          .filter((j) => HELD_ARCHIVE_JUDGES.includes(j.id))
          .map((j) => j.interpreter);
  const pyodide = kind === "native" ? [] : discoverPyodide();
  const profiled = (i: Interpreter) =>
    !i.debugBuild || hasDebugBuild({ python: [i.versionInfo[0], i.versionInfo[1]] });
  return [...native, ...archive, ...pyodide].filter((i) => !i.freeThreaded && profiled(i));
}

/**
 * Runs every program on every interpreter, `concurrency` runs at a time. A run that times out is run
 * once more (a loaded machine can stall one start-up; the second run says whether the program
 * itself hangs). Results come program by program, interpreters in the order given.
 */
export async function runPrograms(
  programs: readonly PythonProgram[],
  interpreters: readonly Interpreter[],
  options: RunProgramsOptions = {},
): Promise<ProgramRun[]> {
  const runs: ProgramRun[] = new Array(programs.length * interpreters.length);
  const record = async (p: number, k: number, run: (source: string) => Promise<RunResult>) => {
    const program = programs[p] as PythonProgram;
    const interpreter = interpreters[k] as Interpreter;
    let result = await run(program.source);
    if (result.status === "timeout") {
      process.stderr.write(`${program.name} on ${interpreterName(interpreter)} timed out; once more\n`);
      result = await run(program.source);
    }
    const done = { program: program.name, interpreter, result };
    runs[p * interpreters.length + k] = done;
    options.onRun?.(done);
  };
  const forking = options.processes === "fork-server";
  const tasks = forking
    ? // A server runs one fork at a time: one task per interpreter, all its programs in turn.
      interpreters.map((i, k) => async () => {
        if (i.kind !== "native") {
          for (let p = 0; p < programs.length; p++) await record(p, k, (s) => runFresh(i, s, options));
          return;
        }
        const server = new ForkServer(i, environment(options), options.timeoutMs ?? NATIVE_TIMEOUT_MS);
        try {
          for (let p = 0; p < programs.length; p++) await record(p, k, (s) => server.run(s));
        } finally {
          server.stop();
        }
      })
    : programs.flatMap((_, p) =>
        interpreters.map((i, k) => () => record(p, k, (s) => runFresh(i, s, options))),
      );
  await pool(tasks, Math.max(1, options.concurrency ?? 2));
  return runs;
}

/** Runs the tasks in order, `concurrency` at a time. */
async function pool(tasks: readonly (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function environment(options: RunProgramsOptions): NodeJS.ProcessEnv {
  return options.environment === "inherit" ? process.env : { ...PINNED_ENV };
}

function runFresh(i: Interpreter, source: string, options: RunProgramsOptions): Promise<RunResult> {
  if (i.kind === "pyodide" || options.environment === "inherit") {
    return runWitness(i, source, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  }
  // The oracle's runPython without -E (which would ignore the pinned PYTHONHASHSEED).
  return runProcess(i.executable, ["-s", "-"], source, {
    timeoutMs: options.timeoutMs ?? NATIVE_TIMEOUT_MS,
    memoryLimitBytes: MEMORY_LIMIT_BYTES,
    env: { ...PINNED_ENV },
    cwd: emptyWorkingDirectory(),
    fixedAddresses: true,
  });
}

/** "3.11.7" -> "3.11": how tests name an interpreter's profile family. */
export function minorVersion(i: Interpreter): string {
  return `${i.versionInfo[0]}.${i.versionInfo[1]}`;
}
