// pymem replay reads its trace as a stream: a trace of millions of lines goes through in bounded
// memory (before, the whole text was read first: 32M lines ran out of heap). The heap is measured
// after a full collection every few megabytes of input; it must not grow with the trace. Nor may the
// output pile up when it goes to a slow reader (a pipe): reading waits for it to drain.
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { replayCommand } from "../src/replay.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const STEPS = 1_000_000; // a malloc and (once 1000 are live) a free each: 2M lines, about 14 MB
const LIVE = 1000;
const CHUNK = 1 << 16; // characters a chunk of the stream holds, as a pipe delivers them
const SAMPLE_EVERY = 24; // chunks between heap measurements (1.5 MB of trace)
const MiB = 2 ** 20;

/** The trace, chunk by chunk, measuring the heap (after a full GC) every SAMPLE_EVERY chunks. */
function* trace(heap: number[], steps = STEPS): Generator<string> {
  let text = "";
  let chunks = 0;
  for (let i = 0; i < steps; i++) {
    text += `a ${i % (2 * LIVE)} ${1 + (i % 700)}\n`;
    if (i >= LIVE) text += `f ${(i - LIVE) % (2 * LIVE)}\n`;
    if (text.length < CHUNK) continue;
    yield text;
    text = "";
    if (++chunks % SAMPLE_EVERY === 0) {
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  yield text;
}

it("replays a multi-million-line trace with a heap that does not grow with it", async () => {
  const heap: number[] = [];
  let lines = 0;
  let bytes = 0;
  const code = await replayCommand(
    ["--python", "3.11"],
    Readable.from(trace(heap)),
    (s) => {
      bytes += s.length;
      for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) lines++;
    },
    (s) => {
      throw new Error(s);
    },
  );
  expect(code).toBe(0);
  expect(lines).toBeGreaterThanOrEqual(2 * STEPS - LIVE); // a line per step, and the arena lines
  expect(bytes).toBeGreaterThan(40 * MiB);
  expect(heap.length).toBeGreaterThanOrEqual(8);
  const growth = Math.max(...heap) - (heap[0] as number);
  expect(growth, `heap after GC, MiB: ${heap.map((h) => (h / MiB).toFixed(1)).join(" ")}`).toBeLessThan(
    8 * MiB,
  );
}, 300_000); // a memory test, not a speed test: 4 s alone, over 60 s once beside CI's browser tests

it("reads on only when its output has drained, so a slow reader holds it back", async () => {
  const room = MiB; // what the output may hold before write() says "full", as a pipe's buffer does
  let queued = 0;
  let most = 0;
  let total = 0;
  const code = await replayCommand(
    ["--python", "3.11"],
    Readable.from(trace([], 300_000)),
    (s) => {
      queued += s.length;
      total += s.length;
      most = Math.max(most, queued);
      return queued < room;
    },
    (s) => {
      throw new Error(s);
    },
    async () => {
      await new Promise(setImmediate);
      queued = 0; // the reader took it all
    },
  );
  expect(code).toBe(0);
  expect(total).toBeGreaterThan(10 * MiB);
  // At most one input chunk's output beyond the room (before: all of it, as nothing waited).
  expect(most).toBeLessThan(room + MiB);
});
