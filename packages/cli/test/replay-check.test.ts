// `pymem replay --check` runs the invariant checker after every step, pointed at every pool the
// step touched (a realloc's old block included), and not at all without the flag. The checker is
// wrapped to record its calls, and still runs.
import type { checkInvariants as CheckInvariants } from "@pymem/core";
import { expect, it, vi } from "vitest";
import { runReplay } from "./support/run-replay.js";

const calls = vi.hoisted(() => [] as (number | readonly number[] | undefined)[]);

vi.mock("@pymem/core", async (importOriginal) => {
  const core = await importOriginal<typeof import("@pymem/core")>();
  const checkInvariants: typeof CheckInvariants = (pm, options) => {
    calls.push(options?.focus);
    core.checkInvariants(pm, options);
  };
  return { ...core, checkInvariants };
});

it("--check checks after every step, on the pools it touched", async () => {
  const trace = "a 1 8\na 2 600\n# a comment\nr 1 400\nf 2\ns\nn\n";
  const plain = await runReplay([], trace);
  expect(plain.code).toBe(0);
  expect(calls).toEqual([]);

  const checked = await runReplay(["--check"], trace);
  expect(checked.code).toBe(0);
  expect(checked.out).toBe(plain.out);
  expect(calls).toHaveLength(6); // one per step, the comment is none
  const [first, , moved] = calls as unknown as [[number, number], unknown, [number, number]];
  expect(first[0]).toBeGreaterThan(0);
  expect(moved[1]).toBe(first[0]); // the realloc's old block, where ID 1 was
  expect(moved[0]).not.toBe(first[0]);
});
