// Runs Python programs on one Pyodide build, in a process of its own (so that a runaway program can be
// killed). Input on stdin, one JSON line: {"dir": package folder, "source": the program's bytes in
// base64, "maxOutputBytes": limit, "snapshot"?: {"path", "make"}, "serve"?: true}. Output on stdout:
// one JSON line {"ok", "stdout", "stderr", "truncated"} per program.
//   - With a snapshot (pyodide-snapshot.ts) each interpreter is restored from that file, or, with
//     "make", one is started to be snapshotted and its memory written there instead of running a
//     program.
//   - With "serve" the process stays: every further line on stdin is a program ({"source"}), each
//     run on a new interpreter (restored from the snapshot, or started), with memory of its own. A
//     program that passes the output limit ends the process after its answer.
// Everything is loaded from the npm package's own files: no network.
import { readFileSync, writeFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

type Writer = { write(buffer: Uint8Array): number };
interface PyodideLike {
  runPython(code: string): unknown;
  /** 0.27+, loaded with `_makeSnapshot`: the memory of the interpreter as it is now */
  makeMemorySnapshot?(): Uint8Array;
  FS: { writeFile(path: string, data: Uint8Array): void };
  /**
   * 0.24+: the program's bytes as written, newline or not. 0.21 (3.10) passes whole lines only, so
   * there a program that never ends a line is bounded by its time-out and wasm32 memory, not the limit.
   */
  setStdout?(options: Writer): void;
  setStderr?(options: Writer): void;
}
type Loader = (options: Record<string, unknown>) => Promise<PyodideLike>;

// Progress goes to this process's stderr (the program's own stderr is captured into the JSON line), so a
// run killed by its time-out can say how far it got.
const started = Date.now();
const stage = (name: string) => process.stderr.write(`${Date.now() - started} ms: ${name}\n`);
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })[
  Symbol.asyncIterator
]();
const nextLine = async () => {
  const next = await lines.next();
  return next.done ? undefined : (next.value as string);
};
const input = JSON.parse((await nextLine()) ?? "{}") as {
  dir: string;
  source: string;
  maxOutputBytes: number;
  snapshot?: { path: string; make: boolean };
  serve?: boolean;
};
const { dir, maxOutputBytes, snapshot } = input;
stage("input read");
const require = createRequire(import.meta.url);
const { loadPyodide } = require(dir) as { loadPyodide: Loader };
const snapshotBytes = snapshot && !snapshot.make ? readFileSync(snapshot.path) : undefined;

interface Captured {
  chunks: Uint8Array[];
  bytes: number;
}
const out: Captured = { chunks: [], bytes: 0 };
const err: Captured = { chunks: [], bytes: 0 };
const textOf = (c: Captured) => Buffer.concat(c.chunks).toString("utf8");
const clear = () => {
  Object.assign(out, { chunks: [], bytes: 0 });
  Object.assign(err, { chunks: [], bytes: 0 });
};
/**
 * Writes one result line. process.stdout.write to a pipe is asynchronous, and exit would cut it after
 * 64 KiB, so the line goes out synchronously, waiting a millisecond whenever the pipe is full.
 */
const answer = (ok: boolean, truncated: boolean) => {
  const line = { ok, stdout: textOf(out), stderr: textOf(err), truncated };
  const data = Buffer.from(`${JSON.stringify(line)}\n`);
  for (let at = 0; at < data.length; ) {
    try {
      at += writeSync(1, data, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
};
/** The last answer: written, then the process ends. */
const report = (ok: boolean, truncated: boolean): never => {
  answer(ok, truncated);
  process.exit(0);
};
// Past the limit the program is stopped where it is: the output so far is the result.
const keep = (stream: Captured, data: Uint8Array) => {
  const room = maxOutputBytes - stream.bytes;
  stream.chunks.push(data.length <= room ? data.slice() : data.slice(0, room));
  stream.bytes += Math.min(data.length, room);
  if (data.length > room) report(false, true);
  return data.length;
};
const wholeLines = (stream: Captured) => (line: string) => keep(stream, Buffer.from(`${line}\n`));
const bytesOf = (stream: Captured) => ({ write: (data: Uint8Array) => keep(stream, data) });

/** A new interpreter: started, restored from the snapshot, or started to be snapshotted. */
async function interpreter(): Promise<PyodideLike> {
  stage("loading the interpreter");
  const py = await loadPyodide({
    indexURL: `${dir}/`,
    stdout: wholeLines(out),
    stderr: wholeLines(err),
    env: { HOME: "/home/pyodide" },
    ...(snapshot?.make ? { _makeSnapshot: true } : {}),
    // a copy each time: the restored interpreter's memory is its own
    ...(snapshotBytes ? { _loadSnapshot: Uint8Array.from(snapshotBytes) } : {}),
  });
  stage("interpreter loaded");
  // Older builds print "Loading ..." messages through stdout while starting; only the program's output counts.
  clear();
  // Whole lines would let a program that never prints a newline fill memory until its time-out.
  py.setStdout?.(bytesOf(out));
  py.setStderr?.(bytesOf(err));
  return py;
}

/** PEP 263: a coding declaration on line 1, or on line 2 below a comment or blank line 1. */
function codingDeclaration(source: Uint8Array): string | undefined {
  const [first = "", second = ""] = Buffer.from(source.subarray(0, 1024)).toString("latin1").split("\n");
  const cookie = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
  const found = cookie.exec(first) ?? (/^[ \t\f]*(#.*)?\r?$/.test(first) ? cookie.exec(second) : null);
  return found?.[1];
}

/**
 * runPython takes text, never bytes, so the program is decoded here as CPython would read its file:
 * with a coding declaration, by Python's own codec of that name (the bytes go through Pyodide's file
 * system); without one, as strict UTF-8, a leading BOM dropped. Undecodable source is an error.
 */
function decodeSource(py: PyodideLike, source: Uint8Array): string {
  const encoding = codingDeclaration(source);
  if (encoding === undefined) return new TextDecoder("utf-8", { fatal: true }).decode(source);
  const path = "/tmp/pymem-program.py";
  py.FS.writeFile(path, source);
  return py.runPython(
    `open(${JSON.stringify(path)}, "rb").read().decode(${JSON.stringify(encoding)})`,
  ) as string;
}

/** Runs one program on a new interpreter; says whether it ended without an exception. */
async function run(source: string): Promise<boolean> {
  const py = await interpreter();
  let ok = true;
  try {
    const program = decodeSource(py, Buffer.from(source, "base64"));
    stage("program started");
    py.runPython(program);
  } catch (e) {
    ok = false;
    keep(err, Buffer.from(String((e as Error).message ?? e)));
  } finally {
    // What is left in Python's buffers, as CPython writes it at exit (binding no name in __main__).
    // Pyodide 0.21 (3.10) passes whole lines only, and drops a last line without a newline.
    py.runPython("__import__('sys').stdout.flush(), __import__('sys').stderr.flush()");
  }
  return ok;
}

if (snapshot?.make) {
  const py = await interpreter();
  // nothing has run in it yet: the snapshot is the interpreter as start-up left it
  writeFileSync(snapshot.path, (py.makeMemorySnapshot as () => Uint8Array)());
  report(true, false);
} else if (input.serve) {
  for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
    const ok = await run((JSON.parse(line) as { source: string }).source);
    answer(ok, false);
    clear();
  }
  process.exit(0);
} else {
  report(await run(input.source), false);
}
