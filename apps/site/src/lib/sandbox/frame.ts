// The document a sandbox is: an iframe with sandbox="allow-scripts" and no "allow-same-origin", so it
// and the worker it starts have an opaque origin of their own. There the reader's code finds no Cache
// Storage (no `caches`), no IndexedDB and no localStorage of the site, no cookies, and (by the policy
// below, which its worker inherits) no network: it cannot rewrite the offline copy of the site's scripts
// or read a reader's saved edits. It cannot navigate the page, open windows or submit forms either.
//
// The frame is an `srcdoc`, so it needs no request (and works offline); an srcdoc document inherits the
// page's Content-Security-Policy, which lets FRAME_SCRIPT run by its hash (src/integrations/csp.ts puts
// the hash in every page's policy). Its one job: start the worker from the code the page sends (a Blob;
// its URL is the frame's own, so the worker shares the frame's opaque origin and policy) and give it the
// MessagePort it talks to the page on. The page trusts nothing that comes back (protocol.ts).
//
// The worker is a classic one, and loads the spec with importScripts: Chromium refuses module workers
// and module imports from a Blob URL in an opaque origin (they are fetched in CORS mode), while classic
// scripts load. The runner's bundle is self-contained, with no import or export (test/csp.test.ts).

/**
 * The frame's script, byte for byte what the page's policy hashes: keep it free of "<", "&" and of
 * anything an HTML parser would change. The page sends exactly one message: `{ code: Blob }` with the
 * port; an error the worker throws is reported to the page as `{ kind: "worker-error", message }`.
 */
export const FRAME_SCRIPT = [
  "var started = false;",
  'addEventListener("message", function (e) {',
  "  if (started || e.source !== parent || !e.data || !(e.data.code instanceof Blob) || e.ports.length !== 1) return;",
  "  started = true;",
  '  var worker = new Worker(URL.createObjectURL(e.data.code), { name: "pymem-sandbox" });',
  '  worker.addEventListener("error", function (ev) {',
  "    ev.preventDefault();",
  '    parent.postMessage({ kind: "worker-error", message: String(ev.message || "") }, "*");',
  "  });",
  "  worker.postMessage(null, [e.ports[0]]);",
  "});",
].join("\n");

/**
 * The frame's own policy, on top of the page's: nothing may be fetched or connected to (connect-src
 * falls back to default-src), scripts only from the frame's inline script and its Blob URLs (the worker,
 * and the spec, which the worker loads from a Blob instead of eval).
 */
export const FRAME_POLICY = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:";

/**
 * Pyodide's frame: the same, and WebAssembly may be compiled (CPython is a wasm module). Compiling wasm
 * reaches nothing that JavaScript in the same worker could not; a spec's frame has no use for it.
 */
export const PYODIDE_FRAME_POLICY = FRAME_POLICY.replace("blob:;", "blob: 'wasm-unsafe-eval';");

/** The srcdoc of a sandbox frame under `policy`. */
export function frameDocument(policy: string = FRAME_POLICY): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${FRAME_SCRIPT}</script>`;
}

/** The sandbox attribute: scripts, and nothing else (above all not allow-same-origin). */
export const FRAME_SANDBOX = "allow-scripts";
