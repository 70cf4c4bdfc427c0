// The Web Worker that runs a spec: the page posts the spec's text, the worker answers with the result
// of every test and the console output. The page ends the worker if it takes longer than 2 s.
import { SPEC_MODULES } from "../lib/shim/spec-modules.js";
import { runSpec, type SpecRunResult } from "../lib/shim/spec-runner.js";

export interface RunRequest {
  readonly id: number;
  readonly path: string;
  readonly source: string;
}

export interface RunResponse {
  readonly id: number;
  readonly result: SpecRunResult;
}

self.addEventListener("message", async (event: MessageEvent<RunRequest>) => {
  const { id, path, source } = event.data;
  const result = await runSpec({ path, source }, SPEC_MODULES);
  self.postMessage({ id, result } satisfies RunResponse);
});

// Tell the page the modules are loaded, so its clock only counts the spec's own time.
self.postMessage({ ready: true });
