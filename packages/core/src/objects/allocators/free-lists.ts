/*
 * Layer +3: the object-specific allocators that sit on pymalloc.
 *
 *   FreeList        a LIFO stack of dead objects' memory (float, list, dict, dict keys, tuple per
 *                   length, 3.14's compact ints). The memory stays allocated from pymalloc's point of
 *                   view; the next object of the type gets the most recently freed one.
 *   BlockAllocator  2.7's int and float allocators: 1000-byte blocks from C malloc, threaded so the
 *                   last object of a fresh block is handed out first (ids step down by the object size).
 *
 * A full collection empties the free lists (clear_freelists in Modules/gcmodule.c).
 *
 * Start-up leaves entries on them that the model does not know of (native 3.6.15 – 3.13.0 with
 * site, measured 2026-12-06: 15 – 37 lists, 16 – 27 dicts, 11 – 30 two-tuples, 3 – 5 floats), and
 * so does work the model does not do step by step, such as making a class (two dicts left on the
 * dict free list on native 3.6 – 3.13, measured 2026-12-06 with sys.getallocatedblocks). So until a
 * full collection empties a list, the model cannot tell whether CPython takes an object from it
 * when the model's own entries have run out, or whether a push still finds room near the capacity;
 * a FreeList says so to `onGuess`, and its user decides what that makes unknown.
 */
import type { RawAllocator } from "../../memory/raw-allocator.js";
import type { AddressLineage } from "../layout/pyobject.js";

/** A dead object's memory kept for reuse. */
export interface Slot {
  readonly block: number;
  readonly address: number;
  /** the dead object's placement and lineage (PyObject), which the next object to take it inherits */
  readonly placement?: number;
  readonly lineage?: AddressLineage | undefined;
  /** why the slot's placement is -1 (relates to no other address) */
  readonly unplaced?: string;
}

/** What others may read of a free list: its name, capacity and how many slots it keeps. */
export interface FreeListView {
  readonly name: string;
  readonly capacity: number;
  readonly size: number;
  slots(): readonly Slot[];
}

/** What others may read of a block allocator. */
export interface BlockAllocatorView {
  readonly perBlock: number;
  readonly objectSize: number;
  readonly freeCount: number;
}

/**
 * The most entries start-up leaves on a free list, as far as measured (the figures above, with a
 * margin): a push is certain to find room while the model's own entries stay this far below the
 * capacity.
 */
export const START_UP_ENTRIES_AT_MOST = 40;

/**
 * Where the model's free list and CPython's may differ: what the model did not know, and by how
 * many pymalloc blocks in use CPython may then differ from the model (one slot: 1; undefined when
 * not bounded).
 */
export type GuessHook = (what: string, blocks?: number) => void;

export class FreeList implements FreeListView {
  private readonly stack: Slot[] = [];
  /** may entries the model does not know of lie below its own (until a full collection empties the list)? */
  private unknownEntries: boolean;

  constructor(
    readonly name: string,
    readonly capacity: number,
    private readonly onGuess?: GuessHook,
  ) {
    this.unknownEntries = capacity > 0 && onGuess !== undefined;
  }

  get size(): number {
    return this.stack.length;
  }

  /** Keeps the slot if there is room; false means the caller must free the memory. */
  push(slot: Slot): boolean {
    if (this.stack.length >= this.capacity) return false;
    if (this.unknownEntries && this.stack.length + START_UP_ENTRIES_AT_MOST >= this.capacity) {
      this.onGuess?.(
        `a ${this.name} freed when entries the model does not know of may fill its free list`,
        1,
      );
      // CPython may have freed it instead
      if (slot.lineage) slot.lineage.released = true;
      slot = { ...slot, placement: -1, unplaced: `a ${this.name} free-list slot CPython may not have kept` };
    }
    this.stack.push(slot);
    return true;
  }

  pop(): Slot | undefined {
    if (this.stack.length === 0 && this.unknownEntries)
      this.onGuess?.(`a ${this.name} that may come from free-list entries the model does not know of`, 1);
    return this.stack.pop();
  }

  /**
   * Gives every kept slot to `release`, most recent first, and empties the list. Entries the model
   * does not know of were freed among them: what follows is a new stretch (the guess comes last).
   */
  clear(release: (slot: Slot) => void): void {
    while (this.stack.length > 0) {
      const slot = this.stack.pop() as Slot;
      if (slot.lineage) slot.lineage.released = true;
      release(slot);
    }
    if (this.unknownEntries)
      this.onGuess?.(
        `the ${this.name} free-list entries a collection freed, some the model does not know of`,
      );
    this.unknownEntries = false;
  }

  slots(): readonly Slot[] {
    return this.stack;
  }

  /**
   * CPython's list may differ from the model's: no kept slot's placement or lineage is known, and
   * entries the model does not know of may lie below them until a full collection.
   */
  forgetEntries(because?: string): void {
    this.unknownEntries = this.capacity > 0 && this.onGuess !== undefined;
    const unplaced = `a ${this.name} free-list slot CPython may have used${because ? ` since ${because}` : ""}`;
    for (const [i, slot] of this.stack.entries()) {
      if (slot.lineage) slot.lineage.released = true;
      this.stack[i] = { ...slot, placement: -1, unplaced };
    }
  }
}

/** 2.7's PyIntObject / PyFloatObject allocator (Objects/intobject.c, floatobject.c @ 2.7.18). */
export class BlockAllocator implements BlockAllocatorView {
  /** BLOCK_SIZE 1000 bytes, minus the block's `next` pointer, divided into objects. */
  readonly perBlock: number;
  private readonly blocks: number[] = [];
  /** free objects, head last */
  private free: number[] = [];

  constructor(
    private readonly raw: RawAllocator,
    readonly objectSize: number,
    readonly pointerSize: number,
  ) {
    this.perBlock = Math.floor((1000 - pointerSize) / objectSize);
  }

  alloc(): number {
    if (this.free.length === 0) {
      const block = this.raw.malloc(this.pointerSize + this.perBlock * this.objectSize);
      this.blocks.push(block);
      // fill_free_list threads each object to the one before it and returns the last.
      for (let i = 0; i < this.perBlock; i++) this.free.push(block + this.pointerSize + i * this.objectSize);
    }
    return this.free.pop() as number;
  }

  release(address: number): void {
    this.free.push(address);
  }

  /** PyFloat_ClearFreeList / PyInt_ClearFreeList: give back blocks with no live object. */
  clear(): void {
    const free = new Set(this.free);
    const kept: number[] = [];
    const rebuilt: number[] = [];
    // block_list starts with the newest block.
    for (const block of [...this.blocks].reverse()) {
      const objects = Array.from(
        { length: this.perBlock },
        (_, i) => block + this.pointerSize + i * this.objectSize,
      );
      if (objects.every((o) => free.has(o))) {
        this.raw.free(block);
        continue;
      }
      kept.unshift(block);
      // Free objects of kept blocks are pushed in ascending order, so the highest comes out first.
      for (const o of objects) if (free.has(o)) rebuilt.push(o);
    }
    this.blocks.length = 0;
    this.blocks.push(...kept);
    this.free = rebuilt;
  }

  get freeCount(): number {
    return this.free.length;
  }
}
