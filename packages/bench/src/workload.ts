// The model side of the churn benchmark: the same xorshift32 sequence as native/churn.c.
import type { Pymalloc } from "@pymem/core";

export interface Workload {
  readonly pattern: "churn" | "lifo";
  /** live blocks kept by the churn pattern */
  readonly live: number;
  /** sizes are uniform in 1..maxSize bytes */
  readonly maxSize: number;
  /** steps per repeat (a step is one malloc and one free) */
  readonly steps: number;
  readonly seed: number;
}

export class ChurnRunner {
  private state: number;
  private readonly slots: Float64Array;

  constructor(
    private readonly pm: Pymalloc,
    private readonly w: Workload,
  ) {
    this.state = w.seed >>> 0;
    this.slots = new Float64Array(Math.max(1, w.live));
    if (w.pattern === "churn")
      for (let i = 0; i < w.live; i++) this.slots[i] = pm.malloc(1 + ChurnRunner.mod(this.next(), w.maxSize));
  }

  /** x % n for a uint32 x, without V8's slow floating-point modulo (exact: both fit in a double). */
  private static mod(x: number, n: number): number {
    return x - Math.floor(x / n) * n;
  }

  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** Runs one repeat; returns nanoseconds per operation. */
  run(): number {
    const { pm, w, slots } = this;
    const t0 = performance.now();
    if (w.pattern === "lifo") {
      for (let s = 0; s < w.steps; s++) pm.free(pm.malloc(1 + ChurnRunner.mod(this.next(), w.maxSize)));
    } else {
      for (let s = 0; s < w.steps; s++) {
        const i = ChurnRunner.mod(this.next(), w.live);
        pm.free(slots[i] as number);
        slots[i] = pm.malloc(1 + ChurnRunner.mod(this.next(), w.maxSize));
      }
    }
    return ((performance.now() - t0) * 1e6) / (2 * w.steps);
  }
}
