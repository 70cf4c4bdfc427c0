// The Web Worker that runs a spec: the page posts the spec's text, the worker answers with the result
// of every test and the console output. It also says when each test starts, because the page gives
// loading the spec, and then every test, 2 s each, and ends the worker when one of them runs over.
// With the result come pictures of the heaps the tests left (lib/pictures/spec-heaps.ts).
import { type HeapPicture, type HeapText, watchSpecHeaps } from "../lib/pictures/spec-heaps.js";
import { SPEC_MODULES } from "../lib/shim/spec-modules.js";
import { runSpec, type SpecRunResult } from "../lib/shim/spec-runner.js";

export interface RunRequest {
  readonly id: number;
  readonly path: string;
  readonly source: string;
  readonly heapText: HeapText;
}

export type RunResponse =
  | { readonly id: number; readonly kind: "test-started"; readonly path: readonly string[] }
  | {
      readonly id: number;
      readonly kind: "done";
      readonly result: SpecRunResult;
      readonly heaps: readonly HeapPicture[];
    };

const reply = (message: RunResponse) => self.postMessage(message);

self.addEventListener("message", async (event: MessageEvent<RunRequest>) => {
  const { id, path, source, heapText } = event.data;
  const watch = watchSpecHeaps(heapText, `heap-${id}`);
  let heaps: HeapPicture[] = [];
  let result: SpecRunResult;
  try {
    result = await runSpec({ path, source }, SPEC_MODULES, {
      onTestStart: (testPath) => {
        watch.testStarted(testPath);
        reply({ id, kind: "test-started", path: testPath });
      },
    });
  } finally {
    heaps = watch.finish();
  }
  reply({ id, kind: "done", result, heaps });
});

// Tell the page the modules are loaded, so its clock only counts the spec's own time.
self.postMessage({ ready: true });
