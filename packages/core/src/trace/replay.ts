/*
 * Replays a trace on the model and prints, one line per operation, where each block went: the
 * format of `pymem replay`, which the native harness prints too, so that `diff` compares them.
 *
 *   a ID SIZE arena=A pool=P szidx=S block=B    a pymalloc block: arena slot, pool index from the
 *                                               arena's first POOL_SIZE-aligned address, size class,
 *                                               block index (addr - pool - POOL_OVERHEAD) / blocksize
 *   a ID SIZE raw                               the raw allocator served it (size 0, or > threshold)
 *   c ID N SIZE ...   r ID SIZE ...             the same, for calloc and realloc (the new location)
 *   f ID arena=A pool=P szidx=S block=B | raw   the block being freed
 *   # arena_alloc A   # arena_free A            when an arena is mapped or unmapped (before the op's line)
 *   s                                           followed by the stats text (nothing more on 2.7:
 *                                               its release builds have no _PyObject_DebugMallocStats)
 *   n COUNT                                     sys.getallocatedblocks() (a bare `n` on 2.7, which has
 *                                               no such function)
 */
import { ModelError } from "../errors.js";
import { MAP_ENTRY_LIMIT } from "../memory/raw-allocator.js";
import type { AllocatorListener } from "../pymalloc/events.js";
import type { Pymalloc } from "../pymalloc/pymalloc.js";
import { allocatedBlocks, debugMallocStats } from "../pymalloc/stats.js";
import type { TraceOp } from "./trace.js";

/** An operation that is well formed but wrong for the state (free of an ID that is not live, ...). */
export class TraceStateError extends ModelError {
  override name = "TraceStateError";
}

export interface ReplayOptions {
  /**
   * Called after every operation, e.g. to run the invariant checker: with the op's index, the
   * address it returned or freed (0 for none), and for a realloc the address it was given (else 0).
   */
  readonly afterEach?: (index: number, address: number, previous: number) => void;
  /** The trace line of each operation (readTrace's `lines`): errors then name the line, not the op. */
  readonly lineNumbers?: readonly number[];
  /** How many IDs may be live at once (default MAX_LIVE_IDS). */
  readonly maxLiveIds?: number;
}

/**
 * How many of a trace's IDs may be live at once: MAP_ENTRY_LIMIT, as the replayer keeps a Map entry
 * per live ID. One more is a TraceStateError before the allocator is asked, not a RangeError after.
 */
export const MAX_LIVE_IDS = MAP_ENTRY_LIMIT;

/** Replays `ops` on `pm`, writing the output lines to `out` (each without its newline). */
export function replay(
  pm: Pymalloc,
  ops: Iterable<TraceOp>,
  out: (line: string) => void,
  options: ReplayOptions = {},
): void {
  const replayer = new Replayer(pm, out, options);
  let index = 0;
  for (const o of ops) replayer.step(o, options.lineNumbers?.[index++]);
}

/**
 * Replays a trace one operation at a time (as a stream of it is read), keeping the trace's IDs
 * between steps; the output of the steps together is replay's.
 */
export class Replayer {
  /** The live IDs' addresses. */
  private readonly pointers = new Map<number, number>();
  /** Operations done. */
  private done = 0;
  private readonly arenaLines: AllocatorListener;

  constructor(
    readonly pm: Pymalloc,
    private readonly out: (line: string) => void,
    private readonly options: Pick<ReplayOptions, "afterEach" | "maxLiveIds"> = {},
  ) {
    this.arenaLines = (e) => {
      if (e.type === "arena-alloc") out(`# arena_alloc ${e.arena}`);
      else if (e.type === "arena-free") out(`# arena_free ${e.arena}`);
    };
  }

  /** Replays one operation; errors name `line`, its trace line, or else its number among the ops. */
  step(o: TraceOp, line?: number): void {
    const { pm, out, pointers } = this;
    const at = () => (line === undefined ? `op ${this.done + 1}` : `line ${line}`);
    const where = (address: number) => {
      const b = pm.locate(address);
      return b ? `arena=${b.arena} pool=${b.pool} szidx=${b.szidx} block=${b.block}` : "raw";
    };
    let address = 0;
    let previous = 0;
    pm.setListener(this.arenaLines);
    try {
      switch (o.op) {
        case "a":
        case "c": {
          if (pointers.has(o.id))
            throw new TraceStateError(`${at()}: ${o.op} ${o.id}: ID ${o.id} is already live`);
          this.checkRoom(o.id, at);
          address = o.op === "a" ? pm.malloc(o.size) : pm.calloc(o.count, o.size);
          pointers.set(o.id, address);
          out(
            o.op === "a"
              ? `a ${o.id} ${o.size} ${where(address)}`
              : `c ${o.id} ${o.count} ${o.size} ${where(address)}`,
          );
          break;
        }
        case "r": {
          this.checkRoom(o.id, at);
          previous = pointers.get(o.id) ?? 0;
          address = pm.realloc(previous, o.size);
          pointers.set(o.id, address);
          out(`r ${o.id} ${o.size} ${where(address)}`);
          break;
        }
        case "f": {
          const p = pointers.get(o.id);
          if (p === undefined) throw new TraceStateError(`${at()}: f ${o.id}: ID ${o.id} is not live`);
          const text = `f ${o.id} ${where(p)}`;
          address = p;
          pm.free(p);
          pointers.delete(o.id);
          out(text);
          break;
        }
        case "s":
          out("s");
          if (pm.profile.hasDebugMallocStats)
            for (const l of debugMallocStats(pm).trimEnd().split("\n")) out(l);
          break;
        case "n":
          out(pm.profile.hasAllocatedBlocks ? `n ${allocatedBlocks(pm)}` : "n");
          break;
      }
      this.options.afterEach?.(this.done, address, previous);
      this.done++;
    } finally {
      pm.setListener(null);
    }
  }

  /** Throws when `id` is not live and no more IDs may be. */
  private checkRoom(id: number, at: () => string): void {
    const max = this.options.maxLiveIds ?? MAX_LIVE_IDS;
    if (this.pointers.size >= max && !this.pointers.has(id))
      throw new TraceStateError(
        `${at()}: ID ${id} would be live ID number ${max + 1}; at most ${max} may be`,
      );
  }
}
