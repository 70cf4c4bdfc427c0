/*
 * fast-check generators of allocator traces (the trace language of trace.ts, which the replay and the
 * native harness read), for property tests here and in the packages that judge the model. Exported as
 * `@pymem/core/trace-arbitrary`, apart from the main entry, so that the model's bundle carries no fast-check. They are built from "instructions" that a small interpreter turns into valid
 * operations, so every generated trace is valid and shrinking keeps it valid:
 *   alloc / calloc      a new ID; sizes weighted around 0, 1..512, the size-class edges and > 512
 *   realloc / free      a live ID, picked by index
 *   reshape             realloc to a size at an edge of the keep-in-place rule (4n > 3 * blocksize):
 *                       3/4 of the block (for 8- and 16-byte alignment) and one more, the block size
 *                       and one more, one byte less, and both sides of 512
 *   burst               many blocks of one size: fills pools and arenas
 *   drain               frees most live blocks: empties pools (recycled across size classes) and
 *                       whole arenas (released, or kept as the last empty one on 3.9+)
 *   stats               the statistics text
 *   blocks              sys.getallocatedblocks()
 */
import fc from "fast-check";
import type { TraceOp } from "./trace.js";

type Instruction =
  | { k: "alloc"; size: number }
  | { k: "calloc"; count: number; size: number }
  | { k: "realloc"; pick: number; size: number }
  | { k: "reshape"; pick: number; variant: number }
  | { k: "free"; pick: number }
  | { k: "burst"; size: number; count: number }
  | { k: "drain"; keepEvery: number; from: number }
  | { k: "stats" }
  | { k: "blocks" };

export interface TraceOptions {
  /** Most operations in one trace (default 2000). */
  readonly maxOps?: number;
  /** Most instructions before expansion (default 200). */
  readonly maxInstructions?: number;
  /** Largest size generated above the small-request threshold (default 4096). */
  readonly maxLargeSize?: number;
  /** Most blocks in one burst (default 400); bursts of thousands fill 1 MiB arenas. */
  readonly maxBurst?: number;
  /** Include `s` operations (default true). */
  readonly stats?: boolean;
  /** Include `n` operations (default true). */
  readonly allocatedBlocks?: boolean;
}

/** Request sizes: 0, uniform 1..512, just around the 8- and 16-byte class edges, and above 512. */
export function sizeArbitrary(maxLargeSize = 4096): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 512 }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 64 }), fc.constantFrom(-1, 0, 1))
        .map(([k, d]) => Math.max(1, k * 8 + d)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 513, max: Math.max(513, maxLargeSize) }) },
  );
}

export function traceArbitrary(options: TraceOptions = {}): fc.Arbitrary<TraceOp[]> {
  const size = sizeArbitrary(options.maxLargeSize);
  const pick = fc.nat({ max: 1 << 20 });
  const instruction: fc.Arbitrary<Instruction> = fc.oneof(
    { weight: 10, arbitrary: size.map((s) => ({ k: "alloc" as const, size: s })) },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant("calloc" as const),
        count: fc.integer({ min: 0, max: 8 }),
        size,
      }),
    },
    { weight: 3, arbitrary: fc.record({ k: fc.constant("realloc" as const), pick, size }) },
    { weight: 8, arbitrary: fc.record({ k: fc.constant("free" as const), pick }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant("reshape" as const),
        pick,
        variant: fc.nat({ max: RESHAPES - 1 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant("burst" as const),
        size,
        count: fc.integer({ min: 1, max: options.maxBurst ?? 400 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant("drain" as const),
        keepEvery: fc.integer({ min: 0, max: 6 }),
        from: pick,
      }),
    },
    { weight: options.stats === false ? 0 : 1, arbitrary: fc.constant({ k: "stats" as const }) },
    { weight: options.allocatedBlocks === false ? 0 : 1, arbitrary: fc.constant({ k: "blocks" as const }) },
  );
  return fc
    .array(instruction, { maxLength: options.maxInstructions ?? 200, size: "max" })
    .map((program) => expand(program, options.maxOps ?? 2000));
}

const RESHAPES = 9;

/** A new size for a block requested with `size` bytes, at an edge of realloc's rules. */
function reshape(size: number, variant: number): number {
  const b16 = Math.max(16, Math.ceil(size / 16) * 16);
  const b8 = Math.max(8, Math.ceil(size / 8) * 8);
  const sizes = [
    (3 * b16) / 4,
    (3 * b16) / 4 + 1,
    Math.floor((3 * b8) / 4),
    Math.floor((3 * b8) / 4) + 1,
    b16,
    b16 + 1,
  ];
  const all = [...sizes, Math.max(0, size - 1), 512, 513];
  return all[variant % all.length] as number;
}

function expand(program: readonly Instruction[], maxOps: number): TraceOp[] {
  const ops: TraceOp[] = [];
  const live: number[] = [];
  /** the size each live ID was last requested with */
  const sizes = new Map<number, number>();
  let nextId = 0;
  const take = (p: number) => {
    const i = p % live.length;
    const id = live[i] as number;
    live[i] = live[live.length - 1] as number;
    live.pop();
    return id;
  };
  for (const ins of program) {
    if (ops.length >= maxOps) break;
    switch (ins.k) {
      case "alloc":
        live.push(nextId);
        sizes.set(nextId, ins.size);
        ops.push({ op: "a", id: nextId++, size: ins.size });
        break;
      case "calloc": {
        const size = Math.min(ins.size, 600);
        live.push(nextId);
        sizes.set(nextId, ins.count * size);
        ops.push({ op: "c", id: nextId++, count: ins.count, size });
        break;
      }
      case "realloc":
      case "reshape": {
        if (live.length === 0) break;
        const id = live[ins.pick % live.length] as number;
        const size = ins.k === "realloc" ? ins.size : reshape(sizes.get(id) ?? 0, ins.variant);
        sizes.set(id, size);
        ops.push({ op: "r", id, size });
        break;
      }
      case "free":
        if (live.length === 0) break;
        ops.push({ op: "f", id: take(ins.pick) });
        break;
      case "burst":
        for (let i = 0; i < ins.count && ops.length < maxOps; i++) {
          live.push(nextId);
          sizes.set(nextId, ins.size);
          ops.push({ op: "a", id: nextId++, size: ins.size });
        }
        break;
      case "drain": {
        const keep: number[] = [];
        const start = live.length === 0 ? 0 : ins.from % live.length;
        for (let i = 0; i < live.length; i++) {
          const id = live[(start + i) % live.length] as number;
          if (ins.keepEvery > 0 && i % ins.keepEvery === 0) keep.push(id);
          else if (ops.length < maxOps) ops.push({ op: "f", id });
          else keep.push(id);
        }
        live.length = 0;
        live.push(...keep);
        break;
      }
      case "stats":
        ops.push({ op: "s" });
        break;
      case "blocks":
        ops.push({ op: "n" });
        break;
    }
  }
  return ops;
}

/** `count` traces drawn from traceArbitrary with a fixed seed: the same traces on every run. */
export function sampleTraces(seed: number, count: number, options: TraceOptions = {}): TraceOp[][] {
  return fc.sample(traceArbitrary(options), { seed, numRuns: count });
}
