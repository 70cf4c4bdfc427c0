// A sandbox for one run of a reader's spec: a hidden sandboxed frame (lib/sandbox/frame.ts) whose worker
// runs the spec runner, talking to the page over a MessagePort of its own. One sandbox, one run: the
// next run gets a fresh frame, worker and JavaScript realm, so nothing a spec changes (a patched
// prototype, a global) reaches the next. Ending a run early removes the frame, which ends its worker.
//
// `astro dev` serves the worker as unbundled modules, which a worker of an opaque origin cannot import:
// there the worker is started by the page directly, without the frame (dev only; the built site, which
// readers get, always uses the frame).
import { FRAME_SANDBOX, frameDocument } from "../lib/sandbox/frame.js";
import runnerUrl from "./runner.worker.ts?worker&url";

export interface Sandbox {
  /** The page's end of the channel to the worker; its messages are untrusted (lib/sandbox/protocol.ts). */
  readonly port: MessagePort;
  /** Called with a message when the worker fails to start or throws outside a test. */
  onWorkerError(listener: (message: string) => void): void;
  /** Ends the worker and removes the frame. */
  dispose(): void;
}

let runnerCode: Promise<Blob> | undefined;

/** The runner's bundle, fetched once (from the offline cache when there is no network). */
function runnerBlob(): Promise<Blob> {
  runnerCode ??= fetch(runnerUrl).then((r) => {
    if (!r.ok) throw new Error(`the spec runner could not be loaded (${r.status})`);
    return r.blob();
  });
  runnerCode.catch(() => {
    runnerCode = undefined; // try again next time
  });
  return runnerCode;
}

const MAX_ERROR_CHARS = 2_000;

function devSandbox(port: MessagePort, errors: ((m: string) => void)[]): () => void {
  const worker = new Worker(runnerUrl, { type: "module", name: "pymem-spec-runner" });
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    for (const l of errors) l(e.message || "the worker stopped unexpectedly");
  });
  worker.postMessage(null, [port]);
  return () => worker.terminate();
}

function frameSandbox(port: MessagePort, errors: ((m: string) => void)[]): () => void {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", FRAME_SANDBOX);
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.dataset.pymemSandbox = "";
  frame.srcdoc = frameDocument();
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
      runnerBlob().then(
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

export function openSandbox(): Sandbox {
  const channel = new MessageChannel();
  const errors: ((m: string) => void)[] = [];
  const end = import.meta.env.DEV ? devSandbox(channel.port2, errors) : frameSandbox(channel.port2, errors);
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
