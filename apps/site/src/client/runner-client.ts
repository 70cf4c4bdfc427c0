// The page's side of the spec runner: one worker at a time. Loading a spec, and then each of its
// tests, may take 2 s; a step that takes longer (an endless loop, a runaway allocation) is stopped by
// ending the worker, and the next run starts a fresh one, so the page never hangs. The limit is per
// step, not per spec, so that a spec of many quick tests is not stopped on a slow or busy machine
// (a long claim spec runs 0.6 s on a fast one), while a loop that never ends is stopped just as soon.
import type { HeapPicture, HeapText } from "../lib/pictures/spec-heaps.js";
import type { SpecRunResult } from "../lib/shim/spec-runner.js";
import type { RunRequest, RunResponse } from "./runner.worker.js";

export const RUN_LIMIT_MS = 2000;

export type RunOutcome =
  | {
      readonly kind: "done";
      readonly result: SpecRunResult;
      readonly elapsedMs: number;
      /** The heaps the tests left (see lib/pictures/spec-heaps.ts). */
      readonly heaps: readonly HeapPicture[];
    }
  | {
      readonly kind: "stopped";
      readonly elapsedMs: number;
      /** The test that ran over (describe names, then its own), or undefined while loading the spec. */
      readonly testPath?: readonly string[];
    }
  | { readonly kind: "crashed"; readonly message: string };

let worker: Worker | undefined;
let ready: Promise<void> | undefined;
let nextId = 1;

function startWorker(): { worker: Worker; ready: Promise<void> } {
  const w = new Worker(new URL("./runner.worker.ts", import.meta.url), {
    type: "module",
    name: "pymem-spec-runner",
  });
  const r = new Promise<void>((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { ready?: boolean }).ready) {
        w.removeEventListener("message", onMessage);
        resolve();
      }
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", (e) => reject(new Error(e.message || "the runner could not start")), {
      once: true,
    });
  });
  return { worker: w, ready: r };
}

/** Starts the worker ahead of the first run (loading it is not part of a run's 2 s). */
export function warmUp(): Promise<void> {
  if (!worker || !ready) ({ worker, ready } = startWorker());
  return ready;
}

function stop(): void {
  worker?.terminate();
  worker = undefined;
  ready = undefined;
}

export async function runInWorker(path: string, source: string, heapText: HeapText): Promise<RunOutcome> {
  try {
    await warmUp();
  } catch (e) {
    stop();
    return { kind: "crashed", message: e instanceof Error ? e.message : String(e) };
  }
  const w = worker as Worker;
  const id = nextId++;
  const started = performance.now();
  return new Promise<RunOutcome>((resolve) => {
    let testPath: readonly string[] | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restartClock = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop();
        const elapsedMs = performance.now() - started;
        finish(testPath ? { kind: "stopped", elapsedMs, testPath } : { kind: "stopped", elapsedMs });
      }, RUN_LIMIT_MS);
    };
    const finish = (outcome: RunOutcome) => {
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
      resolve(outcome);
    };
    const onMessage = (e: MessageEvent<RunResponse>) => {
      const message = e.data;
      if (message.id !== id) return;
      if (message.kind === "test-started") {
        testPath = message.path;
        restartClock();
      } else
        finish({
          kind: "done",
          result: message.result,
          heaps: message.heaps,
          elapsedMs: performance.now() - started,
        });
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      stop();
      finish({ kind: "crashed", message: e.message || "the worker stopped unexpectedly" });
    };
    restartClock();
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    w.postMessage({ id, path, source, heapText } satisfies RunRequest);
  });
}
