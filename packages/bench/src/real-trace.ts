// The recorded-program benchmark: a real program's pymalloc traffic (its interpreter's start-up
// included), recorded through the oracle's native harness, turned into compact operations that the
// model (TraceReplayer) and native/replay.c replay alike.
import { readFileSync } from "node:fs";
import { type Pymalloc, parseTrace } from "@pymem/core";
import { buildHarness, type Interpreter, runHarness } from "@pymem/oracle";

/** Operation kinds, as native/replay.c numbers them. */
const MALLOC = 0;
const CALLOC = 1;
const REALLOC = 2;
const FREE = 3;

/** Four int32 per operation (kind, slot, a, b); slots are the trace's IDs renumbered densely. */
export interface CompactTrace {
  readonly ops: Int32Array;
  readonly slots: number;
}

/** Runs `program` on the interpreter under the native harness; returns its traffic as trace text. */
export function recordProgram(i: Interpreter, program: string): string {
  return runHarness(buildHarness(i), "", { program }).startup;
}

/** The trace's allocator calls, without its statistics requests ("s"), as compact operations. */
export function compactTrace(text: string): CompactTrace {
  const parsed = parseTrace(text).filter((o) => o.op !== "s");
  const ops = new Int32Array(4 * parsed.length);
  const slotOf = new Map<number, number>();
  const slot = (id: number) => {
    let s = slotOf.get(id);
    if (s === undefined) {
      s = slotOf.size;
      slotOf.set(id, s);
    }
    return s;
  };
  const int32 = (n: number) => {
    if (n > 0x7fff_ffff) throw new RangeError(`size ${n} does not fit the compact trace`);
    return n;
  };
  parsed.forEach((o, k) => {
    if (o.op === "a") ops.set([MALLOC, slot(o.id), int32(o.size), 0], 4 * k);
    else if (o.op === "c") ops.set([CALLOC, slot(o.id), int32(o.count), int32(o.size)], 4 * k);
    else if (o.op === "r") ops.set([REALLOC, slot(o.id), int32(o.size), 0], 4 * k);
    else if (o.op === "f") ops.set([FREE, slot(o.id), 0, 0], 4 * k);
  });
  return { ops, slots: slotOf.size };
}

/** The file native/replay.c reads: "OPS SLOTS", then "KIND SLOT A B" per operation. */
export function formatCompact(t: CompactTrace): string {
  const lines = [`${t.ops.length / 4} ${t.slots}`];
  for (let k = 0; k < t.ops.length; k += 4)
    lines.push(`${t.ops[k]} ${t.ops[k + 1]} ${t.ops[k + 2]} ${t.ops[k + 3]}`);
  return `${lines.join("\n")}\n`;
}

/** formatCompact's inverse (for the model's side, which reads the same file). */
export function readCompact(file: string): CompactTrace {
  const nums = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
  const [count, slots] = nums as [number, number];
  return { ops: Int32Array.from(nums.slice(2, 2 + 4 * count)), slots };
}

/**
 * Operations from..to of a compact trace, on the model. A plain function, called in chunks, for the
 * reasons given at the loops of workload.ts.
 */
function replaySteps(pm: Pymalloc, slots: Float64Array, ops: Int32Array, from: number, to: number): void {
  for (let k = from; k < to; k += 4) {
    const kind = ops[k] as number;
    const s = ops[k + 1] as number;
    if (kind === MALLOC) slots[s] = pm.malloc(ops[k + 2] as number);
    else if (kind === CALLOC) slots[s] = pm.calloc(ops[k + 2] as number, ops[k + 3] as number);
    else if (kind === REALLOC) slots[s] = pm.realloc(slots[s] as number, ops[k + 2] as number);
    else {
      pm.free(slots[s] as number);
      slots[s] = 0;
    }
  }
}

/** Operations per call of replaySteps (times 4: the int32 per operation). */
const CHUNK = 4 * 10_000;

/** Replays a compact trace on the model, as native/replay.c does on libpython. */
export class TraceReplayer {
  private readonly slots: Float64Array;

  constructor(
    private readonly pm: Pymalloc,
    private readonly trace: CompactTrace,
  ) {
    this.slots = new Float64Array(Math.max(1, trace.slots));
    // Empty calls first, so that V8 has feedback for the whole function (see WorkloadRunner).
    for (let k = 0; k < 100; k++) replaySteps(pm, this.slots, trace.ops, 0, 0);
  }

  /** Replays every operation (timed), then frees what the program left (not timed); ns per operation. */
  run(): number {
    const { pm, slots } = this;
    const ops = this.trace.ops;
    const t0 = performance.now();
    for (let k = 0; k < ops.length; k += CHUNK)
      replaySteps(pm, slots, ops, k, Math.min(k + CHUNK, ops.length));
    const ns = ((performance.now() - t0) * 1e6) / (ops.length / 4);
    for (let s = 0; s < slots.length; s++) {
      pm.free(slots[s] as number);
      slots[s] = 0;
    }
    return ns;
  }
}
