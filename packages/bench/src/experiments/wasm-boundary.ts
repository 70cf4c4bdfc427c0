/*
 * Would WebAssembly make the model faster? An experiment, not part of `pnpm bench`:
 *   node packages/bench/dist/experiments/wasm-boundary.js [rounds]
 *
 * The same toy allocator (a LIFO free list per 16-byte size class, blocks carved from a bump
 * pointer, an address a double as in the model) written twice, in JavaScript and in WebAssembly,
 * and driven by the benchmark's own churn loop (churnSteps in workload.ts; 1K live blocks of 1..512
 * bytes, xorshift32). Each variant runs in a process of its own, in turn, `rounds` times; the figure is ns per allocator call,
 * the lowest of the rounds' medians.
 *
 * What it showed (Node 24.21, 2-core AMD EPYC VM, idle, 24 November 2026, four runs of 3-5 rounds):
 * JavaScript 3.0-5.2 ns per call, WebAssembly 6.3-9.9 ns, 1.8-3.2x the JavaScript in the same run
 * (both sides move between runs by up to 1.7x on this VM). V8 inlines the JavaScript
 * toy into the loop that calls it; a call into WebAssembly stays a call (its wrapper is inlined, its
 * body is not), and that alone costs more than the whole JavaScript toy. The model costs about 8 ns
 * per call at 1K live blocks against native pymalloc's 4, so as long as its callers are JavaScript
 * (the specs, the site, the CLI), moving its hot paths into WebAssembly would leave it about where
 * it is or slower: the toy in WebAssembly takes 6.3 ns at best, with a fraction of pymalloc's work.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { churnSteps } from "../workload.js";
import { jsToy, type ToyAllocator, wasmToy } from "./wasm-toy.js";

const LIVE = 1024;
const MAX_SIZE = 512;
const STEPS = 2_000_000;
const CHUNK = 10_000;

/** One process: five repeats of STEPS steps, after a warm-up; prints the median ns per call. */
function measure(toy: ToyAllocator): number {
  const slots = new Float64Array(LIVE);
  for (let i = 0; i < LIVE; i++) slots[i] = toy.malloc(1 + (i % MAX_SIZE));
  let x = 2463534242 | 0;
  for (let k = 0; k < 100; k++) x = churnSteps(toy, slots, 0, MAX_SIZE, x);
  const repeats: number[] = [];
  for (let r = 0; r < 6; r++) {
    const t0 = performance.now();
    for (let done = 0; done < STEPS; done += CHUNK) x = churnSteps(toy, slots, CHUNK, MAX_SIZE, x);
    repeats.push(((performance.now() - t0) * 1e6) / (2 * STEPS));
  }
  const timed = repeats.slice(1).sort((a, b) => a - b);
  return timed[Math.floor(timed.length / 2)] as number;
}

const variant = process.argv[2];
if (variant === "js" || variant === "wasm") {
  process.stdout.write(`${measure(variant === "js" ? jsToy() : wasmToy()).toFixed(2)}\n`);
} else {
  const rounds = Number(variant ?? 3);
  const self = fileURLToPath(import.meta.url);
  const best: Record<string, number> = { js: Infinity, wasm: Infinity };
  for (let r = 0; r < rounds; r++) {
    for (const v of ["js", "wasm"]) {
      const ns = Number(execFileSync(process.execPath, [self, v], { encoding: "utf8" }));
      best[v] = Math.min(best[v] as number, ns);
      process.stderr.write(`round ${r + 1}/${rounds}: ${v} ${ns.toFixed(2)} ns per call\n`);
    }
  }
  const js = best.js as number;
  const wasm = best.wasm as number;
  console.log(`toy allocator, churn of ${LIVE} blocks of 1-${MAX_SIZE} B, ns per call (lowest median):`);
  console.log(`  JavaScript   ${js.toFixed(2)}`);
  console.log(`  WebAssembly  ${wasm.toFixed(2)}  (${(wasm / js).toFixed(2)}x the JavaScript)`);
}
