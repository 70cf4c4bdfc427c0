// The page's side of the playground's model (client/model.worker.ts): one worker, started on the first
// run and kept for the next. A build that runs longer than MODEL_BUILD_LIMIT_MS ends the worker (the
// next run starts a new one), so an endless loop costs the reader two seconds, not the page.
import { MODEL_BUILD_LIMIT_MS, MODEL_LOAD_LIMIT_MS } from "../lib/limits.js";
import type {
  ModelRequest,
  ModelResponse,
  OutputGroup,
  PoolsText,
  TraceResult,
} from "../lib/playground/messages.js";
import type { Lang } from "../lib/sections.js";

export type ModelOutcome<T> =
  | { readonly kind: "done"; readonly value: T; readonly ms: number }
  /** A build ran over the limit: `builds` is how many had finished, of `total`. */
  | { readonly kind: "stopped"; readonly builds: number; readonly total: number }
  | { readonly kind: "crashed"; readonly message: string };

let worker: Worker | undefined;
let nextId = 1;

function modelWorker(): Worker {
  worker ??= new Worker(new URL("./model.worker.ts", import.meta.url), {
    type: "module",
    name: "pymem-model",
  });
  return worker;
}

function end(): void {
  worker?.terminate();
  worker = undefined;
}

type Request = ModelRequest extends infer R ? (R extends ModelRequest ? Omit<R, "id"> : never) : never;

function ask<T>(request: Request, pick: (m: ModelResponse) => T | undefined): Promise<ModelOutcome<T>> {
  const w = modelWorker();
  const id = nextId++;
  const started = performance.now();
  return new Promise((resolve) => {
    let builds = 0;
    let total = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (o: ModelOutcome<T>) => {
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
      resolve(o);
    };
    const restartClock = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        end();
        finish({ kind: "stopped", builds, total });
      }, MODEL_BUILD_LIMIT_MS);
    };
    const onMessage = (e: MessageEvent<ModelResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.kind === "build-started") {
        builds = m.index;
        total = m.total;
        restartClock();
        return;
      }
      const value = pick(m);
      if (value !== undefined) finish({ kind: "done", value, ms: performance.now() - started });
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      end();
      finish({ kind: "crashed", message: e.message || "the model stopped unexpectedly" });
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    // Loading the worker's code has a clock of its own: it is not the program's time.
    timer = setTimeout(() => {
      end();
      finish({ kind: "crashed", message: "the model could not be loaded" });
    }, MODEL_LOAD_LIMIT_MS);
    w.postMessage({ ...request, id } as ModelRequest);
  });
}

/** Runs `source` on every build the model has: its outputs, grouped. */
export function onEveryBuild(source: string, lang: Lang): Promise<ModelOutcome<readonly OutputGroup[]>> {
  return ask({ kind: "every-build", source, lang }, (m) => (m.kind === "every-build" ? m.groups : undefined));
}

/** Runs `source` on the build of `profile`, one trace step per statement. */
export function traced(source: string, profile: string, lang: Lang): Promise<ModelOutcome<TraceResult>> {
  return ask({ kind: "trace", source, profile, lang }, (m) => (m.kind === "trace" ? m.trace : undefined));
}

/** Runs `source` as the Pyodide build of Python `python` ("3.12.7") would: the model's prediction. */
export function onPyodideBuild(
  source: string,
  python: string,
): Promise<ModelOutcome<Omit<OutputGroup, "builds" | "profiles">>> {
  return ask({ kind: "pyodide", source, python }, (m) => (m.kind === "pyodide" ? m.run : undefined));
}

/** pymalloc's arenas and pools after step `step` of `source` on `profile`, drawn as SVG ("" if none). */
export function poolsAt(
  source: string,
  profile: string,
  step: number,
  text: PoolsText,
): Promise<ModelOutcome<string>> {
  return ask({ kind: "pools", source, profile, step, text }, (m) =>
    m.kind === "pools" && m.step === step ? m.svg : undefined,
  );
}
