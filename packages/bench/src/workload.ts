// The model side of the synthetic benchmarks: the same xorshift32 sequences as native/churn.c.
import type { Pymalloc } from "@pymem/core";

export type Pattern = "churn" | "lifo" | "realloc";

export interface Workload {
  /**
   * churn: `live` blocks; each step frees a random one and allocates a random size in its place.
   * lifo: each step allocates a random size and frees it at once.
   * realloc: `live` blocks; each step reallocs a random one to a random size.
   */
  readonly pattern: Pattern;
  /** live blocks kept by churn and realloc */
  readonly live: number;
  /** sizes are uniform in 1..maxSize bytes */
  readonly maxSize: number;
  /** steps per repeat */
  readonly steps: number;
  readonly seed: number;
}

/** Allocator calls per step: what ns per operation divides by (as native/churn.c does). */
export const opsPerStep = (p: Pattern): number => (p === "realloc" ? 1 : 2);

// The loops are plain functions that take the generator state and return it, so that the state
// lives in a local and the timing code stays out of the compiled loop. The state is kept as an int32
// (the same 32 bits as C's uint32_t; `>>> 0` reads them unsigned): always a small integer, so it
// crosses calls unboxed and the loop compiles to one shape. (As a uint32 it was a heap number half
// the time: the compiled loop deoptimized on it, and every later call ran the loop in
// on-stack-replacement code, with the state boxed in a new heap number at half the steps.)
// xorshift32 is written out: V8 inlines at most ~900 bytes of bytecode into one function, and that
// budget is better spent on malloc and free. `u % n` is C's unsigned `%`: with both operands read as
// uint32 (`>>> 0`) and the result too, V8 emits an integer division (on doubles it calls fmod, and
// u - floor(u / n) * n, used before, cost about 1 ns more per call than C's `div`).

/** What the churn loop calls: the model, or the toys of experiments/wasm-boundary.ts. */
export type ChurnAllocator = Pick<Pymalloc, "malloc" | "free">;

/** `steps` churn steps over `slots` (see Workload); returns the generator state. */
export function churnSteps(
  pm: ChurnAllocator,
  slots: Float64Array,
  steps: number,
  maxSize: number,
  state: number,
): number {
  let x = state | 0;
  const live = slots.length >>> 0;
  const max = maxSize >>> 0;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13; // xorshift32
    x ^= x >>> 17;
    x ^= x << 5;
    const i = ((x >>> 0) % live) >>> 0;
    pm.free(slots[i] as number);
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    slots[i] = pm.malloc(1 + (((x >>> 0) % max) >>> 0));
  }
  return x;
}

function lifoSteps(pm: Pymalloc, steps: number, maxSize: number, state: number): number {
  let x = state | 0;
  const max = maxSize >>> 0;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pm.free(pm.malloc(1 + (((x >>> 0) % max) >>> 0)));
  }
  return x;
}

function reallocSteps(
  pm: Pymalloc,
  slots: Float64Array,
  steps: number,
  maxSize: number,
  state: number,
): number {
  let x = state | 0;
  const live = slots.length >>> 0;
  const max = maxSize >>> 0;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const i = ((x >>> 0) % live) >>> 0;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    slots[i] = pm.realloc(slots[i] as number, 1 + (((x >>> 0) % max) >>> 0));
  }
  return x;
}

/** Steps per call of a loop function (see run). */
const CHUNK = 10_000;

export class WorkloadRunner {
  private state: number;
  private readonly slots: Float64Array;

  constructor(
    private readonly pm: Pymalloc,
    private readonly w: Workload,
  ) {
    let x = w.seed >>> 0;
    this.slots = new Float64Array(Math.max(1, w.live));
    if (w.pattern !== "lifo")
      for (let i = 0; i < w.live; i++) {
        x ^= x << 13;
        x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        this.slots[i] = pm.malloc(1 + (x % w.maxSize));
      }
    this.state = x | 0;
    // Calls of zero steps (nothing allocated, the state unchanged) before the first long one. V8
    // gives a function its feedback vector only once it has run some bytecode; without these calls
    // the first long call ran the code before its loop with no feedback recorded, the optimized code
    // compiled meanwhile deoptimized there on the next call, and from then on every call ran its
    // loop in the on-stack-replacement code (the state boxed again): one run in three, at 2.5x the
    // time. 16 such calls were not enough; 100 showed no such run in 16.
    for (let k = 0; k < 100; k++) this.steps(0);
  }

  /** `n` steps of the workload, in the loop function of its pattern. */
  private steps(n: number): void {
    const { pm, slots, w } = this;
    if (w.pattern === "churn") this.state = churnSteps(pm, slots, n, w.maxSize, this.state);
    else if (w.pattern === "lifo") this.state = lifoSteps(pm, n, w.maxSize, this.state);
    else this.state = reallocSteps(pm, slots, n, w.maxSize, this.state);
  }

  /** Runs one repeat; returns nanoseconds per operation. */
  run(): number {
    const w = this.w;
    const t0 = performance.now();
    // In chunks: V8 then runs the loop in code compiled for a normal call, not in the code it
    // compiles to enter a loop already running (on-stack replacement), where the state is boxed.
    // (The first chunk of the warm-up repeat runs in the latter.)
    for (let done = 0; done < w.steps; done += CHUNK) this.steps(Math.min(CHUNK, w.steps - done));
    return ((performance.now() - t0) * 1e6) / (opsPerStep(w.pattern) * w.steps);
  }
}
