/*
 * The event trace: every transition of an arena, a pool or a block, for pictures and replays.
 * The allocator only builds an event when a listener is attached, so an unobserved model pays one
 * null check per operation.
 */

export type AllocatorEvent =
  /** An arena was mapped into arena-object slot `arena` (new_arena). */
  | { readonly type: "arena-alloc"; readonly arena: number; readonly address: number; readonly pools: number }
  /** The arena in slot `arena` was unmapped (all its pools were empty). */
  | { readonly type: "arena-free"; readonly arena: number; readonly address: number }
  /** A pool was taken for size class `szidx`; `reused` when it kept its old size class and free list. */
  | {
      readonly type: "pool-init";
      readonly arena: number;
      readonly pool: number;
      readonly szidx: number;
      readonly reused: boolean;
    }
  /** The pool's last block was handed out: it left usedpools. */
  | { readonly type: "pool-full"; readonly arena: number; readonly pool: number }
  /** The pool's last live block was freed: it went on its arena's freepools list. */
  | { readonly type: "pool-empty"; readonly arena: number; readonly pool: number }
  /** A pymalloc block was handed out or freed. */
  | {
      readonly type: "block-alloc" | "block-free";
      readonly address: number;
      readonly arena: number;
      readonly pool: number;
      readonly szidx: number;
      readonly block: number;
    }
  /** A block of the raw allocator (size 0, or above the threshold) was handed out or freed. */
  | { readonly type: "raw-alloc" | "raw-free"; readonly address: number; readonly size: number };

export type AllocatorListener = (event: AllocatorEvent) => void;
