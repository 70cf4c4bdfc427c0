// Runs one Python program on one Pyodide build, in a process of its own (so that a runaway program
// can be killed). Input on stdin: {"dir": package folder, "source": Python code}. Output on stdout:
// one JSON line {"ok": boolean, "stdout": ..., "stderr": ...}. Everything is loaded from the npm
// package's own files: no network.
import { createRequire } from "node:module";
import { text } from "node:stream/consumers";

interface PyodideLike {
  runPython(code: string): unknown;
}
type Loader = (options: Record<string, unknown>) => Promise<PyodideLike>;

// Progress goes to this process's stderr (the program's own stderr is captured into the JSON line), so a
// run killed by its time-out can say how far it got.
const started = Date.now();
const stage = (name: string) => process.stderr.write(`${Date.now() - started} ms: ${name}\n`);
const { dir, source } = JSON.parse(await text(process.stdin)) as { dir: string; source: string };
stage("input read");
const require = createRequire(import.meta.url);
const { loadPyodide } = require(dir) as { loadPyodide: Loader };
const out: string[] = [];
const err: string[] = [];
stage("loading the interpreter");
const py = await loadPyodide({
  indexURL: `${dir}/`,
  stdout: (s: string) => out.push(`${s}\n`),
  stderr: (s: string) => err.push(`${s}\n`),
  env: { HOME: "/home/pyodide" },
});
stage("interpreter loaded");
// Older builds print "Loading ..." messages through stdout while starting; only the program's output counts.
out.length = 0;
err.length = 0;
stage("program started");
let ok = true;
try {
  py.runPython(source);
} catch (e) {
  ok = false;
  err.push(String((e as Error).message ?? e));
}
process.stdout.write(`${JSON.stringify({ ok, stdout: out.join(""), stderr: err.join("") })}\n`);
process.exit(0);
