/*
 * Start-up snapshots of Pyodide builds. Starting a Pyodide interpreter takes about 3 s on this machine,
 * nearly all of it CPython's own initialisation in WebAssembly; a Pyodide 0.27+ build can instead
 * restore the memory of an interpreter that has just started (Pyodide's makeMemorySnapshot, made with
 * the `_makeSnapshot` option and loaded with `_loadSnapshot`), in about 0.9 s for a whole process.
 * Each run still gets a process and a WebAssembly memory of its own, restored from the same bytes, so
 * no run leaves anything behind for the next. What the snapshot changes is the start: an interpreter
 * made to be snapshotted initialises a little differently (an `id()` taken first differs). What the
 * claims' witnesses print does not change: on 7 December 2026 all 21 printed, on 3.12, 3.13, 3.14 and
 * 3.15, exactly what their recordings (made from fresh starts) hold, and the claim suite compares every
 * run with its recording each time it runs. 3.10's and 3.11's Pyodide (0.21, 0.25) have no snapshots.
 */
import { join } from "node:path";
import { judgesCache } from "./archive/fetch.js";
import type { Interpreter } from "./interpreter.js";

/** The Pyodide release an interpreter came from ("0.27.7", "314.0.7"), from its distribution. */
function release(i: Interpreter): string | undefined {
  return /^pyodide (\S+)$/.exec(i.distribution ?? "")?.[1];
}

/** Whether the build can restore a start-up snapshot: Pyodide 0.27 and later (314.x, 315.x ...). */
export function hasStartupSnapshots(i: Interpreter): boolean {
  const [major = 0, minor = 0] = (release(i) ?? "0.0").split(/[.-]/).map(Number);
  return i.kind === "pyodide" && (major > 0 || minor >= 27);
}

/** Where a build's snapshot is kept, beside the archive judges: one file per Pyodide release. */
export function snapshotPath(i: Interpreter, env: NodeJS.ProcessEnv = process.env): string {
  return join(judgesCache(env), "pyodide-snapshots", `pyodide-${release(i)}-python-${i.version}.bin`);
}
