// The page's side of the spec runner. Every run gets a fresh sandbox (client/sandbox.ts): a frame of an
// opaque origin whose worker runs the spec; the next one is started as soon as a run starts, so that it
// is warm for the reader's next click. What the worker sends is checked (lib/sandbox/protocol.ts) and used
// as data. The run is stopped by removing its sandbox, and the page keeps working, when:
// - loading the spec, or any one test, takes longer than SPEC_STEP_LIMIT_MS (an endless loop, a runaway
//   allocation). The limit is per step, not per spec, so that a spec of many quick tests is not stopped
//   on a slow or busy machine, while a loop that never ends is stopped just as soon;
// - the whole run takes longer than SPEC_RUN_LIMIT_MS, however often the spec says a test started;
// - the spec sends more than SPEC_MESSAGE_LIMIT messages, or one the page does not accept.
// The per-test clock cannot be restarted by the spec: only the runner can post on the port (it binds
// postMessage before any spec code runs, client/runner.worker.ts), so every "test started" is a test
// the runner's own loop started. A finished run's text is cut to SPEC_OUTPUT_LIMIT_CHARS (fitOutput).
import {
  SANDBOX_START_LIMIT_MS,
  SPEC_MESSAGE_LIMIT,
  SPEC_OUTPUT_LIMIT_CHARS,
  SPEC_RUN_LIMIT_MS,
  SPEC_STEP_LIMIT_MS,
} from "../lib/limits.js";
import {
  fitOutput,
  type HeapPicture,
  type PrepareRequest,
  type RunRequest,
  readRunnerMessage,
} from "../lib/sandbox/protocol.js";
import type { SpecRunResult } from "../lib/shim/spec-runner.js";
import { openSandbox, type Sandbox } from "./sandbox.js";

/**
 * Why a run was stopped: one step ran over, the whole run did, or it sent too many messages. "output"
 * is the note of a run that finished but put more text out than the page shows (not a stop): its
 * wording sits with the others, the limits the reader is told about (lib/i18n.ts `stopped`).
 */
export type StopReason = "step" | "run" | "messages" | "output";

export type RunOutcome =
  | {
      readonly kind: "done";
      readonly result: SpecRunResult;
      readonly elapsedMs: number;
      /** The heaps the tests left (see lib/pictures/spec-heaps.ts). */
      readonly heaps: readonly HeapPicture[];
      /** Text was left out to stay within SPEC_OUTPUT_LIMIT_CHARS (tests past it have an empty path). */
      readonly cut: boolean;
    }
  | {
      readonly kind: "stopped";
      readonly reason: Exclude<StopReason, "output">;
      readonly elapsedMs: number;
      /** The test that was running (describe names, then its own), or undefined while loading the spec. */
      readonly testPath?: readonly string[];
    }
  /** The worker sent something that is not a runner message: treated as hostile, and ended. */
  | { readonly kind: "refused" }
  | { readonly kind: "crashed"; readonly message: string };

interface Warm {
  readonly sandbox: Sandbox;
  /** Resolves when the worker says it is ready; rejects with the reason it never will be. */
  readonly ready: Promise<void>;
}

let spare: Warm | undefined;

/** A spec of the page's own that warms each new sandbox up (the reader's code is never used for it). */
export type WarmUpSpec = PrepareRequest["warmUp"];

function startSandbox(warmUp: WarmUpSpec): Warm {
  const sandbox = openSandbox("spec");
  sandbox.port.postMessage(
    (warmUp ? { kind: "prepare", warmUp } : { kind: "prepare" }) satisfies PrepareRequest,
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the spec runner did not start")),
      SANDBOX_START_LIMIT_MS,
    );
    sandbox.onWorkerError((message) => {
      clearTimeout(timer);
      reject(new Error(message));
    });
    sandbox.port.onmessage = (e: MessageEvent) => {
      clearTimeout(timer);
      sandbox.port.onmessage = null;
      if (readRunnerMessage(e.data)?.kind === "ready") resolve();
      else reject(new Error("the spec runner answered with something else than it should"));
    };
  });
  ready.catch(() => {}); // looked at by whoever takes this sandbox
  return { sandbox, ready };
}

/** Starts a sandbox ahead of the first run (starting it is not part of a run's time). */
export function warmUp(spec: WarmUpSpec): Promise<void> {
  spare ??= startSandbox(spec);
  return spare.ready;
}

/** Runs `source` in a fresh sandbox; `warm` is the page's own spec that warms up the next one. */
export async function runInWorker(path: string, source: string, warm: WarmUpSpec): Promise<RunOutcome> {
  const { sandbox, ready } = spare ?? startSandbox(warm);
  // The next run's sandbox starts now, so that it is warm by the time the reader runs again.
  spare = startSandbox(warm);
  try {
    await ready;
  } catch (e) {
    sandbox.dispose();
    return { kind: "crashed", message: e instanceof Error ? e.message : String(e) };
  }
  const started = performance.now();
  const outcome = await new Promise<RunOutcome>((resolve) => {
    let testPath: readonly string[] | undefined;
    let messages = 0;
    let stepTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (o: RunOutcome) => {
      clearTimeout(stepTimer);
      clearTimeout(runTimer);
      sandbox.port.onmessage = null;
      resolve(o);
    };
    const stop = (reason: Exclude<StopReason, "output">) => {
      const elapsedMs = performance.now() - started;
      finish(
        testPath ? { kind: "stopped", reason, elapsedMs, testPath } : { kind: "stopped", reason, elapsedMs },
      );
    };
    const restartStepClock = () => {
      clearTimeout(stepTimer);
      stepTimer = setTimeout(() => stop("step"), SPEC_STEP_LIMIT_MS);
    };
    const runTimer = setTimeout(() => stop("run"), SPEC_RUN_LIMIT_MS);
    sandbox.onWorkerError((message) => finish({ kind: "crashed", message }));
    sandbox.port.onmessage = (e: MessageEvent) => {
      if (++messages > SPEC_MESSAGE_LIMIT) return stop("messages");
      const message = readRunnerMessage(e.data);
      if (message === undefined || message.kind === "ready") return finish({ kind: "refused" });
      if (message.kind === "test-started") {
        testPath = message.path;
        restartStepClock();
      } else {
        const fitted = fitOutput(message.result, SPEC_OUTPUT_LIMIT_CHARS);
        finish({
          kind: "done",
          result: fitted.result,
          heaps: message.heaps,
          cut: fitted.cut || message.cut === true,
          elapsedMs: performance.now() - started,
        });
      }
    };
    restartStepClock();
    sandbox.port.postMessage({ kind: "run", path, source } satisfies RunRequest);
  });
  // One run per sandbox: this one goes.
  sandbox.dispose();
  return outcome;
}
