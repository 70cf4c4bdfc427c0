// Pyodide in a sandbox (client/sandbox.ts): one CPython version, loaded for one run of a reader's Python.
// Its first message carries the MessagePort to the page; on it the page sends the build's files
// ("load"), then the program ("run"). The worker answers "loaded", then "done" with what the program
// printed (lib/sandbox/pyodide-protocol.ts), or "failed".
//
// The sandbox's origin is opaque and its policy allows no request (lib/sandbox/frame.ts), so the page
// hands the files over and Pyodide's loader is served from them: `fetch`, `importScripts` and
// `XMLHttpRequest` (Pyodide 0.21's data file) answer for the names of the build's folder under a base
// URL that is only a name. The loader's script, and the runtime, are loaded from Blob URLs; Pyodide
// 0.29's runtime is an ES module, which a classic worker cannot import, so its `export default` becomes
// a global (`createPyodideModule`, which its loader accepts). Checked on Pyodide 0.21–0.29 (Python
// 3.10–3.15) in Chromium: test/browser/playground.test.ts.
import { PYODIDE_OUTPUT_LIMIT_CHARS } from "../lib/limits.js";
import {
  FAILED_MESSAGE_CHARS,
  type PyodideLoadRequest,
  type PyodideMessage,
  type PyodideRunRequest,
} from "../lib/sandbox/pyodide-protocol.js";

interface Pyodide {
  runPython(code: string): unknown;
}
type LoadPyodide = (options: Record<string, unknown>) => Promise<Pyodide>;
type Files = PyodideLoadRequest["files"];

/** A name, not a place: nothing is fetched from it (the sandbox can fetch nothing). */
const BASE = "https://pyodide.invalid/";

const MIME: Record<string, string> = {
  wasm: "application/wasm",
  json: "application/json",
  js: "text/javascript",
  mjs: "text/javascript",
};
const mimeOf = (name: string) => MIME[name.split(".").pop() ?? ""] ?? "application/octet-stream";

interface Output {
  stdout: string;
  stderr: string;
  cut: boolean;
}
const output: Output = { stdout: "", stderr: "", cut: false };

function write(stream: "stdout" | "stderr", line: string): void {
  const room = PYODIDE_OUTPUT_LIMIT_CHARS - output[stream].length;
  const text = `${line}\n`;
  if (text.length > room) output.cut = true;
  output[stream] += text.slice(0, Math.max(0, room));
}

type ImportScripts = (...urls: string[]) => void;

/** Pyodide's loader finds its files among the page's; returns the worker's own importScripts. */
function serveFiles(files: Files): ImportScripts {
  const urls = new Map<string, string>();
  const nameOf = (url: string) => (url.startsWith(BASE) ? url.slice(BASE.length) : undefined);
  const blobUrl = (url: string): string => {
    const name = nameOf(url);
    const file = name === undefined ? undefined : files[name];
    if (name === undefined || file === undefined) throw new TypeError(`not in this build: ${url}`);
    const known = urls.get(name);
    if (known) return known;
    const made = URL.createObjectURL(file);
    urls.set(name, made);
    return made;
  };
  const g = self as unknown as Record<string, unknown>;
  const importScripts = (g.importScripts as ImportScripts).bind(self);
  g.importScripts = (...list: string[]) => importScripts(...list.map((u) => blobUrl(String(u))));
  g.fetch = async (input: RequestInfo | URL) => {
    const name = nameOf(input instanceof Request ? input.url : String(input));
    const file = name === undefined ? undefined : files[name];
    return file
      ? new Response(file, { headers: { "Content-Type": mimeOf(name ?? "") } })
      : new Response("", { status: 404, statusText: "Not in this build" });
  };
  // Pyodide 0.21 reads pyodide.asm.data with an XMLHttpRequest (Emscripten's file packager)
  g.XMLHttpRequest = class {
    status = 0;
    statusText = "";
    response: ArrayBuffer | null = null;
    responseURL = "";
    responseType = "";
    onload: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onprogress: ((e: unknown) => void) | null = null;
    open(_method: string, url: string) {
      this.responseURL = String(url);
    }
    send() {
      const name = nameOf(this.responseURL);
      const file = name === undefined ? undefined : files[name];
      if (!file) {
        queueMicrotask(() => this.onerror?.({}));
        return;
      }
      void file.arrayBuffer().then((buffer) => {
        this.status = 200;
        this.statusText = "OK";
        this.response = buffer;
        this.onload?.({});
      });
    }
  };
  return importScripts;
}

/** Pyodide 0.29's runtime (pyodide.asm.mjs) as a classic script that leaves its factory in a global. */
async function classicRuntime(module: Blob): Promise<string> {
  const code = await module.text();
  const ending = /export default (_createPyodideModule);\s*$/;
  if (!ending.test(code)) throw new Error("this Pyodide's runtime is not one the sandbox can load");
  const classic = code
    .replace(ending, "self.__pymemCreatePyodideModule = $1;")
    // only in its Node branch and a fallback the loader's locateFile replaces
    .replaceAll("import.meta", `({ url: ${JSON.stringify(`${BASE}pyodide.asm.mjs`)} })`);
  return URL.createObjectURL(new Blob([classic], { type: "text/javascript" }));
}

async function loadFromFiles(files: Files): Promise<Pyodide> {
  const importScripts = serveFiles(files);
  const g = self as unknown as Record<string, unknown>;
  (g.importScripts as ImportScripts)(`${BASE}pyodide.js`);
  const runtime = files["pyodide.asm.mjs"];
  if (runtime) importScripts(await classicRuntime(runtime));
  const load = g.loadPyodide as LoadPyodide;
  return load({
    indexURL: BASE,
    createPyodideModule: g.__pymemCreatePyodideModule,
    stdout: (s: string) => write("stdout", s),
    stderr: (s: string) => write("stderr", s),
    env: { HOME: "/home/pyodide" },
  });
}

/** `astro dev`: the page's own module worker, loading Pyodide from the site. */
async function loadFromSite(indexURL: string): Promise<Pyodide> {
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: LoadPyodide;
  };
  return loadPyodide({
    indexURL,
    stdout: (s: string) => write("stdout", s),
    stderr: (s: string) => write("stderr", s),
    env: { HOME: "/home/pyodide" },
  });
}

function listen(port: MessagePort): void {
  // Bound before any Python runs: a program that replaces MessagePort.prototype.postMessage cannot
  // speak for the worker, and the port is held in this closure only.
  const post = port.postMessage.bind(port) as (m: PyodideMessage) => void;
  let pyodide: Promise<Pyodide> | undefined;
  let ran = false;
  port.onmessage = async (e: MessageEvent<PyodideLoadRequest | PyodideRunRequest>) => {
    const request = e.data;
    if (request.kind === "load" && !pyodide) {
      const started = performance.now();
      pyodide = request.indexURL === null ? loadFromFiles(request.files) : loadFromSite(request.indexURL);
      try {
        await pyodide;
      } catch (error) {
        const message = String(error instanceof Error ? error.message : error);
        post({ kind: "failed", message: message.slice(0, FAILED_MESSAGE_CHARS) });
        return;
      }
      post({ kind: "loaded", loadMs: performance.now() - started });
      return;
    }
    if (request.kind !== "run" || !pyodide || ran) return;
    ran = true;
    const py = await pyodide;
    // start-up's messages ("Loading distutils") are not the program's output
    Object.assign(output, { stdout: "", stderr: "", cut: false });
    const started = performance.now();
    let ok = true;
    try {
      py.runPython(request.source);
    } catch (error) {
      ok = false;
      write("stderr", String(error instanceof Error ? error.message : error).trimEnd());
    }
    post({ kind: "done", ok, ...output, runMs: performance.now() - started });
  };
}

let listening = false;
self.addEventListener("message", (e: MessageEvent) => {
  const port = e.ports[0];
  if (port && !listening) {
    listening = true;
    listen(port);
  }
});
