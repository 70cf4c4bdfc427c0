/*
 * Layer -1: the operating system's virtual memory, reduced to what pymalloc sees of it: arena
 * mappings (mmap/munmap of ARENA_SIZE bytes) placed where the caller's policy says.
 *
 * Placement policy (the same as the oracle harness uses, so addresses agree):
 *   mapping slot i occupies [base + i * (arenaSize + poolSize) + misalign, ... + arenaSize)
 *   a new mapping takes the lowest free slot.
 * The gap of one pool between slots keeps arenas from touching; `misalign` (bytes, a multiple of
 * the 4 KiB page) decides whether an arena starts on a POOL_SIZE boundary, i.e. 64 or 63 usable pools.
 */
import { OutOfMemoryError } from "../errors.js";

export interface ArenaPlacement {
  /** Address of slot 0 before misalignment (bytes); default 0x100000000000. */
  readonly base?: number;
  /** Offset added to every slot (bytes); a multiple of 4096; default 0. */
  readonly misalign?: number;
  /** How many mappings may exist at once; default 2^20 (a 64-bit address space is not the limit). */
  readonly maxMappings?: number;
}

export const DEFAULT_ARENA_BASE = 0x1000_0000_0000;

export class AddressSpace {
  readonly base: number;
  readonly misalign: number;
  readonly stride: number;
  readonly maxMappings: number;
  /** slot -> 1 when mapped */
  private used = new Uint8Array(16);
  /** Lowest slot that may be free. */
  private lowestFree = 0;
  private mappedCount = 0;

  constructor(
    readonly mappingSize: number,
    gap: number,
    placement: ArenaPlacement = {},
  ) {
    this.base = placement.base ?? DEFAULT_ARENA_BASE;
    this.misalign = placement.misalign ?? 0;
    this.maxMappings = placement.maxMappings ?? 1 << 20;
    this.stride = mappingSize + gap;
    if (!Number.isSafeInteger(this.base) || this.base <= 0 || this.base % 4096 !== 0) {
      throw new RangeError(`arena base must be a positive multiple of 4096, got ${this.base}`);
    }
    if (!Number.isSafeInteger(this.misalign) || this.misalign < 0 || this.misalign % 4096 !== 0) {
      throw new RangeError(
        `arena misalignment must be a non-negative multiple of 4096, got ${this.misalign}`,
      );
    }
  }

  /** Maps a new region; returns its address. */
  map(): number {
    let slot = this.lowestFree;
    while (slot < this.used.length && this.used[slot] === 1) slot++;
    if (slot >= this.maxMappings)
      throw new OutOfMemoryError(`no free arena slot (limit ${this.maxMappings})`);
    if (slot >= this.used.length) {
      const grown = new Uint8Array(Math.max(this.used.length * 2, slot + 1));
      grown.set(this.used);
      this.used = grown;
    }
    this.used[slot] = 1;
    this.lowestFree = slot + 1;
    this.mappedCount++;
    return this.addressOfSlot(slot);
  }

  /** Unmaps the region at `address` (which map() returned). */
  unmap(address: number): void {
    const slot = this.slotOf(address);
    if (slot < 0 || this.addressOfSlot(slot) !== address || this.used[slot] !== 1) {
      throw new RangeError(`unmap of an address that is not a mapping: ${address}`);
    }
    this.used[slot] = 0;
    this.mappedCount--;
    if (slot < this.lowestFree) this.lowestFree = slot;
  }

  addressOfSlot(slot: number): number {
    return this.base + slot * this.stride + this.misalign;
  }

  /** The slot whose mapping may contain `address`, or -1 when it is outside every possible slot. */
  slotOf(address: number): number {
    const offset = address - this.base - this.misalign;
    if (offset < 0) return -1;
    const slot = Math.floor(offset / this.stride);
    if (slot >= this.used.length || this.used[slot] !== 1) return -1;
    return offset - slot * this.stride < this.mappingSize ? slot : -1;
  }

  get mapped(): number {
    return this.mappedCount;
  }
}
