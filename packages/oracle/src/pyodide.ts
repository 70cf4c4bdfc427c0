/*
 * Pyodide as an oracle: CPython 3.10 – 3.15 compiled to WebAssembly, from the npm registry, run in Node
 * with no network. Each build is a dependency of this package under an alias (pyodide-3.11 is
 * pyodide@0.25.1, ...). Every Pyodide is a wasm32 build configured --without-pymalloc, so it judges
 * reference counts, finalisation, gc and identity, never pools or arenas (the tests check both facts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { uniqueTempPath } from "./atomic-file.js";
import type { Interpreter } from "./interpreter.js";
import { NOT_RUN, PyodideServer } from "./pyodide-server.js";
import { hasStartupSnapshots, snapshotPath } from "./pyodide-snapshot.js";
import { MAX_OUTPUT_BYTES, type RunOptions, type RunResult, runProcess } from "./run.js";

/** The aliases in package.json#dependencies, oldest first. */
export const PYODIDE_ALIASES = [
  "pyodide-3.10",
  "pyodide-3.11",
  "pyodide-3.12",
  "pyodide-3.13",
  "pyodide-3.14",
  "pyodide-3.15",
];

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** dist/pyodide-runner.js when built; from the sources (tests), Node 24 runs the .ts file directly. */
const RUNNER = [join(here, "pyodide-runner.js"), join(here, "pyodide-runner.ts")].find((f) =>
  existsSync(f),
) as string;

/** The Pyodide builds installed with this package, with the CPython version each was built from. */
export function discoverPyodide(): Interpreter[] {
  const found: Interpreter[] = [];
  for (const alias of PYODIDE_ALIASES) {
    let dir: string;
    try {
      dir = dirname(require.resolve(`${alias}/package.json`));
    } catch {
      continue;
    }
    const lockFile = ["pyodide-lock.json", "repodata.json"]
      .map((f) => join(dir, f))
      .find((f) => existsSync(f));
    if (!lockFile) continue;
    const info = JSON.parse(readFileSync(lockFile, "utf8")).info as {
      python: string;
      version: string;
      arch: string;
    };
    // The package's own version: the lock file's "version" is missing or stale in some releases.
    const release = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version as string;
    const [major, minor, micro] = info.python.split(".").map((n) => Number.parseInt(n, 10)) as [
      number,
      number,
      number,
    ];
    found.push({
      kind: "pyodide",
      executable: dir,
      distribution: `pyodide ${release}`,
      version: `${major}.${minor}.${micro}`,
      versionInfo: [major, minor, micro],
      releaseLevel: /[a-z]/.test(info.python) ? "prerelease" : "final",
      pointerSize: info.arch === "wasm32" ? 4 : 8,
      allocator: "malloc",
      debugBuild: false,
      freeThreaded: false,
      // Every Pyodide configures CPython --without-pymalloc for wasm32 (checked by the Pyodide tests).
      buildFlags: "--without-pymalloc (wasm32-emscripten)",
      platform: "emscripten",
    });
  }
  return found;
}

/**
 * bytes the runner may print: its one JSON line holds the program's stdout and stderr, each cut at
 * MAX_OUTPUT_BYTES, where JSON can spell one byte in up to six ("\u0000").
 */
const RUNNER_OUTPUT_BYTES = 2 * 6 * MAX_OUTPUT_BYTES + 64 * 1024;

/**
 * Runs Python source on a Pyodide build in a child process (a group of its own): a server of the build
 * (pyodide-server.ts) on a new interpreter, or with `ownProcess` a process for this program alone;
 * killed after the timeout. The source's bytes reach the runner unchanged (see pyodide-runner.ts for
 * how they are decoded). No RLIMIT_AS here: V8 reserves about 10 GiB of address space for each WebAssembly memory,
 * and a wasm32 heap cannot pass 4 GiB anyway.
 */
export async function runPyodide(
  i: Interpreter,
  source: string | Uint8Array,
  options: RunOptions = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!options.ownProcess) {
    const snapshot = await startupSnapshot(i);
    // A program given to a server that ended meanwhile (a program past the output limit ends it)
    // did not run: it goes to another.
    for (let tries = 1; tries <= SERVERS_PER_BUILD + 1; tries++) {
      const r = await serverFor(i, snapshot).run(source, timeoutMs);
      if (r !== NOT_RUN) return r;
    }
    return {
      status: "error",
      exitCode: null,
      stdout: "",
      stderr: "the program did not run: every Pyodide server it went to had ended",
      truncated: false,
      durationMs: 0,
    };
  }
  const input = {
    dir: i.executable,
    source: Buffer.from(source).toString("base64"),
    maxOutputBytes: MAX_OUTPUT_BYTES,
  };
  const run = await runProcess(process.execPath, [RUNNER], JSON.stringify(input), {
    timeoutMs,
    maxOutputBytes: RUNNER_OUTPUT_BYTES,
  });
  if (run.status === "timeout") {
    const lastStage = run.stderr.trim().split("\n").at(-1) || "not started";
    return { ...run, stdout: "", stderr: `killed after ${timeoutMs} ms (last stage: ${lastStage})` };
  }
  try {
    const r = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "") as {
      ok: boolean;
      stdout: string;
      stderr: string;
      truncated: boolean;
    };
    return {
      ...run,
      status: r.ok ? "ok" : "error",
      // A run stopped at the output limit did not exit by itself.
      exitCode: r.truncated ? null : r.ok ? 0 : 1,
      stdout: r.stdout,
      stderr: r.stderr,
      truncated: r.truncated,
    };
  } catch {
    return { ...run, status: "error", exitCode: null, stdout: "" };
  }
}

/** Servers per build at most: two programs of one build can run at once on the two cores. */
const SERVERS_PER_BUILD = 2;
/** Programs one server runs before it is replaced, so that what its Node process holds stays bounded. */
const PROGRAMS_PER_SERVER = 100;
const servers = new Map<string, { server: PyodideServer; given: number }[]>();

/** An idle server of the build, a new one while there are fewer than SERVERS_PER_BUILD, else the least busy. */
function serverFor(i: Interpreter, snapshot: string | undefined): PyodideServer {
  const key = snapshot ?? i.executable;
  const all = servers.get(key) ?? [];
  for (const s of all) if (s.given >= PROGRAMS_PER_SERVER && s.server.load === 0) s.server.close();
  const live = all.filter((s) => s.server.alive);
  servers.set(key, live);
  const open = live.filter((s) => s.given < PROGRAMS_PER_SERVER);
  let chosen = open.find((s) => s.server.load === 0);
  if (!chosen && open.length < SERVERS_PER_BUILD) {
    const input = {
      dir: i.executable,
      maxOutputBytes: MAX_OUTPUT_BYTES,
      ...(snapshot ? { snapshot: { path: snapshot, make: false } as const } : {}),
    };
    chosen = { server: new PyodideServer(RUNNER, input), given: 0 };
    live.push(chosen);
  }
  chosen ??= open.reduce((a, b) => (b.server.load < a.server.load ? b : a));
  chosen.given++;
  return chosen.server;
}

const making = new Map<string, Promise<string | undefined>>();

/**
 * The build's start-up snapshot (pyodide-snapshot.ts), made on first use (about 3 s, once per
 * machine); undefined where the build has none or it could not be made (the run then starts fresh).
 */
function startupSnapshot(i: Interpreter): Promise<string | undefined> {
  if (!hasStartupSnapshots(i)) return Promise.resolve(undefined);
  const path = snapshotPath(i);
  if (existsSync(path)) return Promise.resolve(path);
  const pending = making.get(path) ?? makeSnapshot(i, path);
  making.set(path, pending);
  return pending;
}

async function makeSnapshot(i: Interpreter, path: string): Promise<string | undefined> {
  // written beside its place and renamed there whole: a reader never sees part of one
  mkdirSync(dirname(path), { recursive: true });
  const temp = uniqueTempPath(path);
  const input = {
    dir: i.executable,
    source: "",
    maxOutputBytes: MAX_OUTPUT_BYTES,
    snapshot: { path: temp, make: true },
  };
  try {
    const made = await runProcess(process.execPath, [RUNNER], JSON.stringify(input), {
      timeoutMs: 120_000,
      maxOutputBytes: RUNNER_OUTPUT_BYTES,
    });
    if (made.status !== "ok" || !existsSync(temp)) return undefined;
    renameSync(temp, path);
    return path;
  } finally {
    rmSync(temp, { force: true });
    making.delete(path);
  }
}
