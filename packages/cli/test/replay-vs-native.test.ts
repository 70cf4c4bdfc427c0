// Issue 3's headline check, as a test: `pymem replay --python 3.11 --arena-misalign 4096` prints,
// line for line, what CPython 3.11's own pymalloc does on the same trace (the native harness,
// linked against the interpreter's libpython). The command is run in-process (replayCommand is what
// `pnpm pymem replay` calls); packages/oracle compares the model on every version, with many traces.
import { formatTrace } from "@pymem/core";
import { sampleTraces } from "@pymem/core/trace-arbitrary";
import {
  buildHarness,
  discoverNative,
  harnessMode,
  harnessUnsupportedReason,
  interpreterName,
  runHarness,
} from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { expect, it } from "vitest";
import { runReplay } from "./support/run-replay.js";

const cpython311 = (await discoverNative()).find(
  (i) =>
    i.versionInfo[0] === 3 &&
    i.versionInfo[1] === 11 &&
    i.allocator === "pymalloc" &&
    harnessUnsupportedReason(i) === undefined,
);

async function cli(args: string[], trace: string): Promise<string> {
  const { code, out, err } = await runReplay(args, trace);
  expect(err).toBe("");
  expect(code).toBe(0);
  return out;
}

it("pymem replay --python 3.11 --arena-misalign 4096 prints what CPython 3.11 does", {
  timeout: 120_000,
}, async (ctx) => {
  requireOrSkip(ctx, cpython311 !== undefined, "no native CPython 3.11 with pymalloc found");
  if (cpython311 === undefined) return;
  expect(harnessMode(cpython311), "3.11's harness runs before start-up: nothing to replay first").toBe(
    "before-startup",
  );
  let harness: string;
  try {
    harness = buildHarness(cpython311);
  } catch (e) {
    requireOrSkip(
      ctx,
      false,
      `cannot build the harness for ${interpreterName(cpython311)}: ${(e as Error).message}`,
    );
    return;
  }
  // Traces of several thousand operations (raw blocks, reallocs, callocs, statistics), from a fixed
  // seed so a failure can be replayed.
  const sampled = sampleTraces(311, 6, { maxOps: 4000, maxBurst: 3000 }).map(formatTrace);
  // And one that fills three 1 MiB arenas and empties them: two are given back, the last is kept.
  const ids = Array.from({ length: 6000 }, (_, i) => i);
  const fillAndDrain = [
    ...ids.map((i) => `a ${i} ${1 + (i % 600)}`),
    "s",
    "n",
    ...ids.map((i) => `f ${i}`),
    "s",
    "n",
  ];
  const traces = [...sampled, `${fillAndDrain.join("\n")}\n`];
  let everything = "";
  for (const trace of traces) {
    const native = runHarness(harness, trace, { arenaMisalign: 4096 }).output;
    const model = await cli(["--python", "3.11", "--arena-misalign", "4096"], trace);
    expect(model.split("\n")).toEqual(native.split("\n"));
    everything += native;
  }
  // What the traces were meant to reach, they reached.
  for (const sign of ["# arena_free ", " raw\n", "\nr ", "\nc ", "\ns\n", "\nn 0\n", "arena=1 "])
    expect(everything, `no "${sign.trim()}" in the native output`).toContain(sign);
});
