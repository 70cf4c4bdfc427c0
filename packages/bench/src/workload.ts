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

// The loops are plain functions that take the generator state and return it: kept in a local, the
// uint32 state stays unboxed (an object field above 2^31 would be a new heap number every step,
// which C's static does not pay), and the timing code stays out of the compiled loop. xorshift32 and
// `x % n` are written out in them: V8 inlines at most ~900 bytes of bytecode into one function, and
// that budget is better spent on malloc and free. (`x % n` as x - floor(x / n) * n: exact for
// uint32 operands, and V8's `%` on doubles calls fmod.)

function churnSteps(
  pm: Pymalloc,
  slots: Float64Array,
  steps: number,
  maxSize: number,
  state: number,
): number {
  let x = state >>> 0;
  const live = slots.length;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13; // xorshift32
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const i = x - Math.floor(x / live) * live;
    pm.free(slots[i] as number);
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    slots[i] = pm.malloc(1 + x - Math.floor(x / maxSize) * maxSize);
  }
  return x;
}

function lifoSteps(pm: Pymalloc, steps: number, maxSize: number, state: number): number {
  let x = state >>> 0;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    pm.free(pm.malloc(1 + x - Math.floor(x / maxSize) * maxSize));
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
  let x = state >>> 0;
  const live = slots.length;
  for (let s = 0; s < steps; s++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const i = x - Math.floor(x / live) * live;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    slots[i] = pm.realloc(slots[i] as number, 1 + x - Math.floor(x / maxSize) * maxSize);
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
    this.state = x;
  }

  /** Runs one repeat; returns nanoseconds per operation. */
  run(): number {
    const { pm, slots, w } = this;
    let x = this.state;
    const t0 = performance.now();
    // In chunks: V8 then runs the loop in code compiled for a normal call, not in the code it
    // compiles to enter a loop already running (on-stack replacement), where the state is boxed.
    for (let done = 0; done < w.steps; done += CHUNK) {
      const n = Math.min(CHUNK, w.steps - done);
      if (w.pattern === "churn") x = churnSteps(pm, slots, n, w.maxSize, x);
      else if (w.pattern === "lifo") x = lifoSteps(pm, n, w.maxSize, x);
      else x = reallocSteps(pm, slots, n, w.maxSize, x);
    }
    const ns = ((performance.now() - t0) * 1e6) / (opsPerStep(w.pattern) * w.steps);
    this.state = x;
    return ns;
  }
}
