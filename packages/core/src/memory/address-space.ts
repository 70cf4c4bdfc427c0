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
import { BadPlacementError, OutOfMemoryError, show } from "../errors.js";
import { RAW_HEAP_BASE } from "./raw-allocator.js";

export interface ArenaPlacement {
  /** Address of slot 0 before misalignment (bytes); default 0x100000000000. */
  readonly base?: number;
  /** Offset added to every slot (bytes); a multiple of 4096; default 0. */
  readonly misalign?: number;
  /** How many mappings may exist at once; default DEFAULT_MAX_MAPPINGS. */
  readonly maxMappings?: number;
}

export const DEFAULT_ARENA_BASE = 0x1000_0000_0000;

/**
 * Where the arena region must end (bytes): RAW_HEAP_BASE (0x555500000000, about 2^46.4), where the
 * simulated C heap begins, so no arena address is ever a raw block's. Below it every address is exact
 * in a double, inside x86-64's user address space (2^47), and whole for 3.10's 48-bit radix tree.
 * A base or misalignment that puts slot 0 past it is refused; a later slot that would cross it is
 * out of memory. (A large misalignment costs no model memory: the page table starts at slot 0.)
 */
export const ARENA_REGION_END = RAW_HEAP_BASE;

/** How many mappings may exist at once by default: 2^20 (a 64-bit address space is not the limit). */
export const DEFAULT_MAX_MAPPINGS = 2 ** 20;

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
    const base = placement.base ?? DEFAULT_ARENA_BASE;
    const misalign = placement.misalign ?? 0;
    const maxMappings = placement.maxMappings ?? DEFAULT_MAX_MAPPINGS;
    if (!Number.isSafeInteger(base) || base <= 0 || base % 4096 !== 0)
      throw new BadPlacementError(`arena base must be a positive multiple of 4096, got ${show(base)}`);
    if (!Number.isSafeInteger(misalign) || misalign < 0 || misalign % 4096 !== 0)
      throw new BadPlacementError(
        `arena misalignment must be a non-negative multiple of 4096, got ${show(misalign)}`,
      );
    if (!Number.isSafeInteger(maxMappings) || maxMappings <= 0)
      throw new BadPlacementError(`maxMappings must be a positive integer, got ${show(maxMappings)}`);
    if (base + misalign + mappingSize > ARENA_REGION_END)
      throw new BadPlacementError(
        `arena base ${base} + misalignment ${misalign} puts the first arena past ${ARENA_REGION_END} (0x555500000000), where the simulated C heap begins`,
      );
    this.base = base;
    this.misalign = misalign;
    this.maxMappings = maxMappings;
    this.stride = mappingSize + gap;
  }

  /** Maps a new region; returns its address. */
  map(): number {
    let slot = this.lowestFree;
    while (slot < this.used.length && this.used[slot] === 1) slot++;
    if (slot >= this.maxMappings)
      throw new OutOfMemoryError(`no free arena slot (limit ${this.maxMappings})`);
    if (this.addressOfSlot(slot) + this.mappingSize > ARENA_REGION_END)
      throw new OutOfMemoryError(
        `no free arena slot below ${ARENA_REGION_END} (0x555500000000), where the simulated C heap begins`,
      );
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
