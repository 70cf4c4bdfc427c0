// The WebAssembly experiment times one algorithm in two languages only if the two toys agree: the
// same addresses for the same calls, reuse included.
import { describe, expect, it } from "vitest";
import { jsToy, wasmToy } from "../src/experiments/wasm-toy.js";

describe("the toy allocators of the WebAssembly experiment", () => {
  it("hand out the same addresses for the same random calls", () => {
    const js = jsToy();
    const wasm = wasmToy();
    const liveJs: number[] = [];
    const liveWasm: number[] = [];
    let x = 12345;
    let reused = 0;
    const seen = new Set<number>();
    for (let step = 0; step < 20_000; step++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const u = x >>> 0;
      if (liveJs.length > 0 && u % 3 === 0) {
        const i = u % liveJs.length;
        js.free(liveJs[i] as number);
        wasm.free(liveWasm[i] as number);
        liveJs.splice(i, 1);
        liveWasm.splice(i, 1);
      } else {
        const size = 1 + (u % 512);
        const a = js.malloc(size);
        const b = wasm.malloc(size);
        expect(b).toBe(a);
        if (seen.has(a)) reused++;
        seen.add(a);
        liveJs.push(a);
        liveWasm.push(b);
      }
    }
    // The free lists were exercised, not only the bump pointer.
    expect(reused).toBeGreaterThan(1000);
  });
});
