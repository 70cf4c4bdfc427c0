/*
 * Pyodide as an oracle: CPython 3.10 – 3.15 compiled to WebAssembly, from the npm registry, run in Node
 * with no network. Each build is a dependency of this package under an alias (pyodide-3.11 is
 * pyodide@0.25.1, ...). Every Pyodide is a wasm32 build configured --without-pymalloc, so it judges
 * reference counts, finalisation, gc and identity, never pools or arenas (the tests check both facts).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Interpreter } from "./interpreter.js";
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
 * Runs Python source on a Pyodide build in a child process (a group of its own); killed after the
 * timeout. The source's bytes reach the runner unchanged (see pyodide-runner.ts for how they are
 * decoded). No RLIMIT_AS here: V8 reserves about 10 GiB of address space for each WebAssembly memory,
 * and a wasm32 heap cannot pass 4 GiB anyway.
 */
export async function runPyodide(
  i: Interpreter,
  source: string | Uint8Array,
  options: RunOptions = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
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
