/*
 * When the model may trust its own choice of block.
 *
 * Which block pymalloc hands out next is the head of the first pool on its size class's usedpools
 * list, and that order depends on where the pools start-up left partly used end: the program's
 * blocks fill those first, and the model does not know how many free blocks they have (run.ts in
 * @pymem/python stands in for them with one held block per class). So two blocks the model puts in
 * one pool may be in two in CPython, and when both are freed CPython may hand out the older one
 * next: a pool that was full goes to the head of the list when a block of it is freed
 * (pymalloc_free / insert_to_usedpool), while a pool that was not stays where it is.
 *
 * Within one stretch of placements (no event the model does not model came between: ObjectHeap
 * .placementUnknown), ids compare only among blocks taken in the stretch, and the model's block is
 * as good as CPython's in two cases:
 *   - no block taken in the stretch is free again: both hand out a block no object of the stretch
 *     has had (blocks taken before the stretch and freed in it count only as frees);
 *   - the block is the one freed last in its class, nothing of the class happened since, and no
 *     other block of the class was freed between its allocation and its free. Its pool was the
 *     head when the block was taken; allocations only take a pool off the list when it fills, and
 *     then the free puts it back at the head.
 * Any other allocation in a class is unknown, and so is every later one in that class until the
 * stretch ends. Blocks of the raw allocator (C malloc: above the threshold) follow the same rule as
 * one class: glibc's choice of chunk is not modelled, only that the chunk freed last is reused.
 *
 * Assumed, not shown: a freed block's pool keeps a live block (start-up's blocks are in every class:
 * 31 – 32 of 32 on native 3.6 – 3.13), so freeing never empties a pool CPython then replaces. A pool
 * the model empties makes its class unknown for the rest of the stretch.
 */
import type { AllocatorListener } from "../../pymalloc/events.js";

/** What the model knows, within one stretch, of the blocks it hands out. */
export class PoolOrder {
  /** the stretch a class's entries below belong to (reset lazily: stretches begin often) */
  private readonly stamp: number[];
  private stretch = 1;
  /** per class (the last one: the raw allocator): blocks freed so far in the stretch */
  private readonly frees: number[];
  /** per class: blocks taken in the stretch that are free again */
  private readonly freed: Set<number>[];
  /** per class: the block freed last, if nothing of the class happened since and its free was clean */
  private readonly reusable: (number | undefined)[];
  /** per class: the model's choice may differ from CPython's for the rest of the stretch */
  private readonly unknown: boolean[];
  /** live block -> its class's free count when it was taken (blocks taken in this stretch) */
  private takenAt = new Map<number, number>();
  /** the class of the last block freed (a pool-empty event follows its block-free) */
  private lastFreedClass = -1;
  /** Did CPython surely hand out the block the model's last allocation got? */
  lastAllocKnown = true;

  constructor(sizeClasses: number) {
    const n = sizeClasses + 1;
    this.stamp = new Array<number>(n).fill(0);
    this.frees = new Array<number>(n).fill(0);
    this.freed = Array.from({ length: n }, () => new Set<number>());
    this.reusable = new Array<number | undefined>(n).fill(undefined);
    this.unknown = new Array<boolean>(n).fill(false);
  }

  /** The allocator's listener (Pymalloc.setListener). */
  readonly listener: AllocatorListener = (e) => {
    const raw = this.frees.length - 1;
    switch (e.type) {
      case "block-alloc":
        return this.taken(e.szidx, e.address);
      case "raw-alloc":
        return this.taken(raw, e.address);
      case "block-free":
        return this.given(e.szidx, e.address);
      case "raw-free":
        return this.given(raw, e.address);
      case "pool-empty":
        if (this.lastFreedClass >= 0) this.unknown[this.lastFreedClass] = true;
        return;
      default:
        return;
    }
  };

  /** A new stretch: nothing of the last one relates to it. */
  newStretch(): void {
    this.stretch++;
    if (this.takenAt.size > 0) this.takenAt = new Map();
    this.lastFreedClass = -1;
  }

  /** Class c's entries, emptied first if they belong to an earlier stretch. */
  private fresh(c: number): void {
    if (this.stamp[c] === this.stretch) return;
    this.stamp[c] = this.stretch;
    this.frees[c] = 0;
    (this.freed[c] as Set<number>).clear();
    this.reusable[c] = undefined;
    this.unknown[c] = false;
  }

  private taken(c: number, address: number): void {
    this.fresh(c);
    const freed = this.freed[c] as Set<number>;
    const known = !this.unknown[c] && (freed.size === 0 || this.reusable[c] === address);
    if (!known) this.unknown[c] = true;
    freed.delete(address);
    this.reusable[c] = undefined;
    this.takenAt.set(address, this.frees[c] as number);
    this.lastAllocKnown = known;
  }

  private given(c: number, address: number): void {
    this.fresh(c);
    const taken = this.takenAt.get(address);
    this.takenAt.delete(address);
    const frees = this.frees[c] as number;
    this.reusable[c] = taken === frees ? address : undefined;
    this.frees[c] = frees + 1;
    if (taken !== undefined) (this.freed[c] as Set<number>).add(address);
    this.lastFreedClass = c;
  }
}
