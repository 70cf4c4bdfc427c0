// A sandbox for one run of code the site did not write: a hidden sandboxed frame (lib/sandbox/frame.ts)
// whose worker runs the spec runner (a reader's spec) or Pyodide (a reader's Python), talking to the page
// over a MessagePort of its own. One sandbox, one run: the next run gets a fresh frame, worker and
// JavaScript realm, so nothing a run changes (a patched prototype, a global, a Python module) reaches
// the next. Ending a run early removes the frame, which ends its worker.
//
// `astro dev` serves the workers as unbundled modules, which a worker of an opaque origin cannot import:
// there the worker is started by the page directly, without the frame (dev only; the built site, which
// readers get, always uses the frame).
import { FRAME_POLICY, FRAME_SANDBOX, frameDocument, PYODIDE_FRAME_POLICY } from "../lib/sandbox/frame.js";
import pyodideUrl from "./pyodide-sandbox.worker.ts?worker&url";
import runnerUrl from "./runner.worker.ts?worker&url";

/** What runs in a sandbox: its worker's bundle and the frame's policy. */
const KINDS = {
  spec: { url: runnerUrl, policy: FRAME_POLICY },
  pyodide: { url: pyodideUrl, policy: PYODIDE_FRAME_POLICY },
} as const;
export type SandboxKind = keyof typeof KINDS;

export interface Sandbox {
  /** The page's end of the channel to the worker; its messages are untrusted (lib/sandbox/protocol.ts). */
  readonly port: MessagePort;
  /** Called with a message when the worker fails to start or throws outside a test. */
  onWorkerError(listener: (message: string) => void): void;
  /** Ends the worker and removes the frame. */
  dispose(): void;
}

const workerCode = new Map<SandboxKind, Promise<Blob>>();

/** A worker's bundle, fetched once (from the offline cache when there is no network). */
function workerBlob(kind: SandboxKind): Promise<Blob> {
  let code = workerCode.get(kind);
  if (!code) {
    code = fetch(KINDS[kind].url).then((r) => {
      if (!r.ok) throw new Error(`the sandbox's code could not be loaded (${r.status})`);
      return r.blob();
    });
    code.catch(() => workerCode.delete(kind)); // try again next time
    workerCode.set(kind, code);
  }
  return code;
}

const MAX_ERROR_CHARS = 2_000;

function devSandbox(kind: SandboxKind, port: MessagePort, errors: ((m: string) => void)[]): () => void {
  const worker = new Worker(KINDS[kind].url, { type: "module", name: `pymem-${kind}` });
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    for (const l of errors) l(e.message || "the worker stopped unexpectedly");
  });
  worker.postMessage(null, [port]);
  return () => worker.terminate();
}

function frameSandbox(kind: SandboxKind, port: MessagePort, errors: ((m: string) => void)[]): () => void {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", FRAME_SANDBOX);
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.dataset.pymemSandbox = "";
  frame.srcdoc = frameDocument(KINDS[kind].policy);
  const onFrameMessage = (e: MessageEvent) => {
    // Only the frame's own script posts here, and only errors: a string, shortened.
    if (e.source !== frame.contentWindow) return;
    const m = e.data as { kind?: unknown; message?: unknown } | null;
    if (m?.kind !== "worker-error") return;
    const text = typeof m.message === "string" ? m.message.slice(0, MAX_ERROR_CHARS) : "";
    for (const l of errors) l(text || "the worker stopped unexpectedly");
  };
  window.addEventListener("message", onFrameMessage);
  let disposed = false;
  frame.addEventListener(
    "load",
    () => {
      workerBlob(kind).then(
        (code) => {
          if (!disposed) frame.contentWindow?.postMessage({ code }, "*", [port]);
        },
        (e: unknown) => {
          for (const l of errors) l(e instanceof Error ? e.message : String(e));
        },
      );
    },
    { once: true },
  );
  document.body.append(frame);
  return () => {
    disposed = true;
    window.removeEventListener("message", onFrameMessage);
    frame.remove();
  };
}

/** Starts a sandbox of `kind`; its worker gets the port at the other end of `port`. */
export function openSandbox(kind: SandboxKind): Sandbox {
  const channel = new MessageChannel();
  const errors: ((m: string) => void)[] = [];
  const end = import.meta.env.DEV
    ? devSandbox(kind, channel.port2, errors)
    : frameSandbox(kind, channel.port2, errors);
  return {
    port: channel.port1,
    onWorkerError: (l) => errors.push(l),
    dispose() {
      errors.length = 0;
      channel.port1.close();
      end();
    },
  };
}
