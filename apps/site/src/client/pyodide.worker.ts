// One Pyodide (one CPython version) per worker, loaded from this site's /pyodide/<version>/ on the
// first run. Runs a witness the way the oracle does in Node: stdout and stderr collected line by line.
interface Pyodide {
  runPython(code: string): unknown;
}
type LoadPyodide = (options: Record<string, unknown>) => Promise<Pyodide>;

export interface PyodideRequest {
  readonly id: number;
  readonly key: string;
  readonly source: string;
}

export type PyodideResponse =
  | { readonly id: number; readonly phase: "loaded"; readonly loadMs: number }
  | { readonly id: number; readonly phase: "failed"; readonly message: string }
  | {
      readonly id: number;
      readonly phase: "done";
      readonly ok: boolean;
      readonly stdout: string;
      readonly stderr: string;
      readonly runMs: number;
    };

let pyodide: Promise<Pyodide> | undefined;
const out: string[] = [];
const err: string[] = [];

async function load(key: string): Promise<Pyodide> {
  // BASE_URL: the site may live under a sub-path (astro.config.mjs).
  const indexURL = new URL(
    `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pyodide/${key}/`,
    self.location.origin,
  ).href;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: LoadPyodide;
  };
  const py = await loadPyodide({
    indexURL,
    stdout: (s: string) => out.push(`${s}\n`),
    stderr: (s: string) => err.push(`${s}\n`),
    env: { HOME: "/home/pyodide" },
  });
  return py;
}

self.addEventListener("message", async (event: MessageEvent<PyodideRequest>) => {
  const { id, key, source } = event.data;
  const started = performance.now();
  pyodide ??= load(key);
  let py: Pyodide;
  try {
    py = await pyodide;
  } catch (e) {
    pyodide = undefined;
    self.postMessage({
      id,
      phase: "failed",
      message: String(e instanceof Error ? e.message : e),
    } satisfies PyodideResponse);
    return;
  }
  self.postMessage({ id, phase: "loaded", loadMs: performance.now() - started } satisfies PyodideResponse);
  // Start-up messages ("Loading ...") are not the program's output.
  out.length = 0;
  err.length = 0;
  const runStarted = performance.now();
  let ok = true;
  try {
    py.runPython(source);
  } catch (e) {
    ok = false;
    err.push(String(e instanceof Error ? e.message : e));
  }
  const response: PyodideResponse = {
    id,
    phase: "done",
    ok,
    stdout: out.join(""),
    stderr: err.join(""),
    runMs: performance.now() - runStarted,
  };
  self.postMessage(response);
});
