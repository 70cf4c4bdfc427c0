// The Web Worker that runs a spec: the page posts the spec's text, the worker answers with the result
// of every test and the console output. It also says when each test starts, because the page gives
// loading the spec, and then every test, 2 s each, and ends the worker when one of them runs over.
import { SPEC_MODULES } from "../lib/shim/spec-modules.js";
import { runSpec, type SpecRunResult } from "../lib/shim/spec-runner.js";

export interface RunRequest {
  readonly id: number;
  readonly path: string;
  readonly source: string;
}

export type RunResponse =
  | { readonly id: number; readonly kind: "test-started"; readonly path: readonly string[] }
  | { readonly id: number; readonly kind: "done"; readonly result: SpecRunResult };

const reply = (message: RunResponse) => self.postMessage(message);

self.addEventListener("message", async (event: MessageEvent<RunRequest>) => {
  const { id, path, source } = event.data;
  const result = await runSpec({ path, source }, SPEC_MODULES, {
    onTestStart: (testPath) => reply({ id, kind: "test-started", path: testPath }),
  });
  reply({ id, kind: "done", result });
});

// Tell the page the modules are loaded, so its clock only counts the spec's own time.
self.postMessage({ ready: true });
