// The page's side of Pyodide: every run of a program (a claim's witness, a reader's edit, a stranger's
// shared link) gets a fresh sandbox (client/sandbox.ts) with its own Pyodide, so nothing a program
// changes in its Python, or in the worker's JavaScript, reaches the next run. The page fetches the
// build's files once (the service worker keeps them for offline use) and hands them to each sandbox,
// which can fetch nothing itself. After a run, the next sandbox of that version starts loading, so
// that it is warm when the reader runs again.
//
// Stopped, by removing the sandbox: loading after PYODIDE_LOAD_LIMIT_MS, a run after
// PYODIDE_RUN_LIMIT_MS. What comes back is checked (lib/sandbox/pyodide-protocol.ts).
import { PYODIDE_LOAD_LIMIT_MS, PYODIDE_RUN_LIMIT_MS } from "../lib/limits.js";
import {
  type PyodideLoadRequest,
  type PyodideMessage,
  type PyodideRunRequest,
  readPyodideMessage,
} from "../lib/sandbox/pyodide-protocol.js";
import { openSandbox, type Sandbox } from "./sandbox.js";

/** A Pyodide build as the page knows it (virtual:pymem/pyodide-builds). */
export interface PyodideFiles {
  readonly key: string;
  readonly files: readonly string[];
}

export type PyodideOutcome =
  | {
      readonly kind: "done";
      readonly ok: boolean;
      readonly stdout: string;
      readonly stderr: string;
      readonly cut: boolean;
      readonly loadMs: number;
      readonly runMs: number;
    }
  | { readonly kind: "stopped"; readonly while: "loading" | "running" }
  | { readonly kind: "crashed"; readonly message: string };

const folderOf = (key: string) =>
  new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pyodide/${key}/`, self.location.origin).href;

const fileSets = new Map<string, Promise<Record<string, Blob>>>();

/** The build's files, fetched once per page (from the offline cache when there is no network). */
function filesOf(build: PyodideFiles): Promise<Record<string, Blob>> {
  let set = fileSets.get(build.key);
  if (!set) {
    const folder = folderOf(build.key);
    set = Promise.all(
      build.files.map(async (name) => {
        const r = await fetch(folder + name);
        if (!r.ok) throw new Error(`${name} could not be loaded (${r.status})`);
        return [name, await r.blob()] as const;
      }),
    ).then(Object.fromEntries);
    set.catch(() => fileSets.delete(build.key)); // try again next time
    fileSets.set(build.key, set);
  }
  return set;
}

/** A sandbox loading (or done loading) one build; `loaded` never rejects. */
interface Loading {
  readonly key: string;
  readonly sandbox: Sandbox;
  readonly loaded: Promise<PyodideOutcome | { kind: "loaded"; loadMs: number }>;
  /** How loading ended so far: still loading, ready, or failed (a spare that failed is not used). */
  state: "loading" | "ready" | "failed";
}

let spare: Loading | undefined;

function startLoading(build: PyodideFiles): Loading {
  const sandbox = openSandbox("pyodide");
  let loading: Loading | undefined;
  const loaded = new Promise<PyodideOutcome | { kind: "loaded"; loadMs: number }>((resolve) => {
    const finish = (o: PyodideOutcome | { kind: "loaded"; loadMs: number }) => {
      clearTimeout(timer);
      sandbox.port.onmessage = null;
      if (loading) loading.state = o.kind === "loaded" ? "ready" : "failed";
      resolve(o);
    };
    const timer = setTimeout(() => finish({ kind: "stopped", while: "loading" }), PYODIDE_LOAD_LIMIT_MS);
    sandbox.onWorkerError((message) => finish({ kind: "crashed", message }));
    sandbox.port.onmessage = (e: MessageEvent) => {
      const m = readPyodideMessage(e.data);
      if (m?.kind === "loaded") finish(m);
      else if (m?.kind === "failed") finish({ kind: "crashed", message: m.message });
      else finish({ kind: "crashed", message: "Pyodide's sandbox answered with something else" });
    };
    const request = (files: Record<string, Blob>): PyodideLoadRequest =>
      import.meta.env.DEV
        ? { kind: "load", files: {}, indexURL: folderOf(build.key) }
        : { kind: "load", files, indexURL: null };
    (import.meta.env.DEV ? Promise.resolve({}) : filesOf(build)).then(
      (files) => sandbox.port.postMessage(request(files)),
      (e: unknown) => finish({ kind: "crashed", message: e instanceof Error ? e.message : String(e) }),
    );
  });
  loading = { key: build.key, sandbox, loaded, state: "loading" };
  return loading;
}

/** Whether a run of `key` now would find its Pyodide loaded already (the page then says "running"). */
export const isWarm = (key: string): boolean => spare?.key === key && spare.state === "ready";

/** Runs `source` on `build` in a fresh sandbox; `onLoaded` is called once Pyodide is ready. */
export async function runOnPyodide(
  build: PyodideFiles,
  source: string,
  onLoaded: () => void,
): Promise<PyodideOutcome> {
  const mine = spare?.key === build.key && spare.state !== "failed" ? spare : startLoading(build);
  if (spare && spare !== mine) spare.sandbox.dispose();
  spare = undefined;
  const outcome = await runIn(mine, source, onLoaded);
  // One run per sandbox: this one goes, and the next of this version starts loading.
  mine.sandbox.dispose();
  if (outcome.kind === "done") spare ??= startLoading(build);
  return outcome;
}

async function runIn(loading: Loading, source: string, onLoaded: () => void): Promise<PyodideOutcome> {
  const loaded = await loading.loaded;
  if (loaded.kind !== "loaded") return loaded;
  onLoaded();
  const { sandbox } = loading;
  return new Promise<PyodideOutcome>((resolve) => {
    const timer = setTimeout(() => finish({ kind: "stopped", while: "running" }), PYODIDE_RUN_LIMIT_MS);
    const finish = (o: PyodideOutcome) => {
      clearTimeout(timer);
      sandbox.port.onmessage = null;
      resolve(o);
    };
    sandbox.onWorkerError((message) => finish({ kind: "crashed", message }));
    sandbox.port.onmessage = (e: MessageEvent) => {
      const m: PyodideMessage | undefined = readPyodideMessage(e.data);
      if (m?.kind === "done") finish({ ...m, loadMs: loaded.loadMs });
      else finish({ kind: "crashed", message: "Pyodide's sandbox answered with something else" });
    };
    sandbox.port.postMessage({ kind: "run", source } satisfies PyodideRunRequest);
  });
}
