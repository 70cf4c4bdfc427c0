// The Web Worker that runs a spec, inside a sandbox (client/sandbox.ts). Its first message carries the
// MessagePort to the page; on it the page asks it to prepare (the worker answers "ready" once its
// modules are loaded and warmed up), then sends one run request, and the worker answers "test-started"
// as each test starts (the page gives loading the spec, and then each test, a limited time; only this
// runner can post on the port, see below), and "done" with every test's result, the console output and
// the heaps the tests left, as data the page checks and draws itself (lib/sandbox/protocol.ts).
import { SPEC_OUTPUT_LIMIT_CHARS } from "../lib/limits.js";
import { watchSpecHeaps } from "../lib/pictures/spec-heaps.js";
import {
  fitOutput,
  fitPath,
  fitRunResult,
  type PrepareRequest,
  type RunnerMessage,
  type RunRequest,
} from "../lib/sandbox/protocol.js";
import { SPEC_MODULES } from "../lib/shim/spec-modules.js";
import { runSpec, type SpecFunction, type SpecLoader } from "../lib/shim/spec-runner.js";

/**
 * The spec is loaded from a Blob URL rather than with eval: the sandbox's policy allows scripts from
 * blob: and not 'unsafe-eval', which every page would otherwise have to allow too. In the sandbox the
 * worker is a classic one (lib/sandbox/frame.ts), so importScripts; `astro dev` starts it as a module,
 * where importScripts throws and a dynamic import of the Blob works instead.
 */
const SLOT = "__pymemSpecFunction";
const loadFromBlob: SpecLoader = async (body, sourceUrl) => {
  const global = self as unknown as Record<string, SpecFunction | undefined>;
  const classic = `self.${SLOT} = ${body}\n//# sourceURL=${sourceUrl}`;
  const url = URL.createObjectURL(new Blob([classic], { type: "text/javascript" }));
  try {
    try {
      (self as unknown as { importScripts(url: string): void }).importScripts(url);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      await import(/* @vite-ignore */ url);
    }
    const fn = global[SLOT];
    if (typeof fn !== "function") throw new Error("the spec did not load");
    return fn;
  } finally {
    delete global[SLOT];
    URL.revokeObjectURL(url);
  }
};

async function run(request: RunRequest, post: (m: RunnerMessage) => void): Promise<void> {
  const watch = watchSpecHeaps();
  let heaps: ReturnType<typeof watch.finish> = [];
  let result: Awaited<ReturnType<typeof runSpec>>;
  try {
    result = await runSpec({ path: request.path, source: request.source }, SPEC_MODULES, {
      load: loadFromBlob,
      onTestStart: (testPath) => {
        watch.testStarted(testPath);
        post({ kind: "test-started", path: fitPath(testPath) });
      },
    });
  } finally {
    heaps = watch.finish();
  }
  // Cut to the page's text budget here too, so that a large honest result is not sent whole only for
  // the page to leave most of it out (the page cuts again: this side runs the reader's code).
  const fitted = fitOutput(fitRunResult(result), SPEC_OUTPUT_LIMIT_CHARS);
  post({
    kind: "done",
    result: fitted.result,
    heaps: heaps.map((h) => ({ ...h, testPath: fitPath(h.testPath) })),
    ...(fitted.cut ? { cut: true } : {}),
  });
}

/** Runs of the warm-up spec: 3 measured no faster than 1 in the site bench, and cost more while a run waits. */
const WARM_UP_RUNS = 1;

/**
 * Runs a claim's own spec a few times and drops the results: a fresh worker's engine has compiled nothing yet,
 * and a spec of 51 tests ran about ten times slower cold than warm (docs/untrusted-code.md).
 */
async function warmUp(request: PrepareRequest): Promise<void> {
  if (request.warmUp === undefined) return;
  try {
    for (let k = 0; k < WARM_UP_RUNS; k++)
      await runSpec(request.warmUp, SPEC_MODULES, { load: loadFromBlob });
  } catch {
    // A warm-up that fails costs only speed.
  }
}

/** A failure of the runner itself (a spec can break the built-ins it uses) becomes the worker's error event. */
const rethrow = (error: unknown) =>
  setTimeout(() => {
    throw error;
  });

self.addEventListener(
  "message",
  (event: MessageEvent) => {
    const port = event.ports[0];
    if (port === undefined) return;
    // The port's postMessage, bound now, before any spec code runs: the spec runs in this realm and can
    // replace MessagePort.prototype.postMessage, which is how it once caught the port (as `this`) and
    // posted "test started" itself to restart the page's per-test clock. A bound function calls the
    // original whatever the prototype holds later, and the port is reachable from nowhere else (this
    // closure), so only the runner speaks on it: a "test started" is one the runner's own loop sent.
    const send = MessagePort.prototype.postMessage.bind(port) as (m: RunnerMessage) => void;
    const post = (m: RunnerMessage) => send(m);
    let step: "prepare" | "run" | "done" = "prepare";
    port.addEventListener("message", (e: MessageEvent<PrepareRequest | RunRequest>) => {
      const request = e.data;
      if (step === "prepare" && request.kind === "prepare") {
        step = "run";
        // Then the page's clock for the spec starts: loading and warming up are not part of it.
        warmUp(request).then(() => post({ kind: "ready" }), rethrow);
      } else if (step === "run" && request.kind === "run") {
        step = "done";
        run(request, post).catch(rethrow);
      }
    });
    port.start();
  },
  { once: true },
);
