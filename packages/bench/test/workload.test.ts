// The model's workload loops make the calls native/churn.c makes: the same xorshift32 sequence, the
// same slot (next() % live) and size (1 + next() % maxsize) at every step, for each pattern. The
// reference below is the C code written plainly; the loops are written for speed. (25,000 steps:
// more than one chunk, so the state is carried across calls.)
import type { Pymalloc } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { type Pattern, WorkloadRunner } from "../src/workload.js";

/** Records the calls; addresses are 1, 2, 3, ... */
function recorder() {
  const calls: string[] = [];
  let next = 0;
  const pm = {
    malloc: (n: number) => {
      calls.push(`malloc ${n}`);
      return ++next;
    },
    free: (p: number) => {
      calls.push(`free ${p}`);
    },
    realloc: (p: number, n: number) => {
      calls.push(`realloc ${p} ${n}`);
      return ++next;
    },
  };
  return { pm: pm as unknown as Pymalloc, calls };
}

/** native/churn.c's main loop, for `steps` steps of one repeat. */
function reference(pattern: Pattern, live: number, maxSize: number, steps: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state;
  };
  const calls: string[] = [];
  let address = 0;
  const slots: number[] = [];
  const malloc = (n: number) => {
    calls.push(`malloc ${n}`);
    return ++address;
  };
  if (pattern !== "lifo") for (let i = 0; i < live; i++) slots.push(malloc(1 + (next() % maxSize)));
  for (let s = 0; s < steps; s++) {
    if (pattern === "lifo") {
      const p = malloc(1 + (next() % maxSize));
      calls.push(`free ${p}`);
    } else if (pattern === "realloc") {
      const i = next() % live;
      const n = 1 + (next() % maxSize);
      calls.push(`realloc ${slots[i]} ${n}`);
      slots[i] = ++address;
    } else {
      const i = next() % live;
      calls.push(`free ${slots[i]}`);
      slots[i] = malloc(1 + (next() % maxSize));
    }
  }
  return calls;
}

describe("workload loops", () => {
  it.each([
    ["churn", 16, 64],
    ["churn", 1000, 512],
    ["lifo", 0, 256],
    ["realloc", 24, 512],
  ] as const)("%s, %i live, sizes 1-%i: the calls of native/churn.c", (pattern, live, maxSize) => {
    const { pm, calls } = recorder();
    const runner = new WorkloadRunner(pm, { pattern, live, maxSize, steps: 25_000, seed: 12345 });
    runner.run();
    expect(calls).toEqual(reference(pattern, live, maxSize, 25_000, 12345));
  });
});
