/*
 * Layers 0 and +1: C malloc and PyMem_RawMalloc/Calloc/Realloc/Free over it.
 *
 * What CPython guarantees is modelled exactly: size 0 is served as 1 byte (PyMem_RawMalloc(0) means
 * malloc(1)), a realloc'ed block keeps or moves its contents, and every live block has a distinct
 * address. Where glibc's choices are its own (which address comes back), the model only imitates
 * its spirit: 16-byte aligned chunks with an 8-byte header, freed chunks reused LIFO by exact
 * chunk size, shrinking realloc in place. Raw addresses are not claimed to match glibc's.
 */
import {
  BadSizeError,
  DoubleFreeError,
  ForeignPointerError,
  hex,
  isAddress,
  notAnAddress,
  OutOfMemoryError,
  show,
} from "../errors.js";

/** Where the simulated C heap starts (bytes); far from the arena region. */
export const RAW_HEAP_BASE = 0x5555_0000_0000;

/**
 * How many bytes the simulated C heap of a 64-bit build may carve: a budget of 2^47 (128 TiB, the
 * size of x86-64's user address space; a 32-bit build's is 2^32). Past it malloc fails as C's would
 * (NULL; CPython raises MemoryError), and raw addresses stay far below 2^53, where a double still
 * holds every byte's address exactly.
 */
export const RAW_HEAP_LIMIT = 2 ** 47;
/** The simulated C heap's budget on a 32-bit build: all a 32-bit address space holds. */
export const RAW_HEAP_LIMIT_32BIT = 2 ** 32;

/** The most entries a JS Map holds in V8: 2^24 (one more throws a RangeError). */
export const MAP_ENTRY_LIMIT = 2 ** 24;

/**
 * How many chunks the simulated C heap may carve in all (live or freed; a freed chunk is reused, so
 * this bounds the live blocks too): MAP_ENTRY_LIMIT, as it keeps a Map entry per chunk. Past it
 * malloc fails as at the byte budget, before anything has changed.
 */
export const RAW_CHUNK_LIMIT = MAP_ENTRY_LIMIT;

export interface RawStats {
  /** blocks currently allocated */
  readonly liveBlocks: number;
  /** bytes requested by the live blocks (after size 0 -> 1) */
  readonly liveBytes: number;
  readonly mallocCalls: number;
  readonly freeCalls: number;
}

export class RawAllocator {
  private top = RAW_HEAP_BASE;
  /** address -> requested size, for live blocks */
  private readonly live = new Map<number, number>();
  /** address -> chunk size, for every chunk ever carved */
  private readonly chunkSize = new Map<number, number>();
  /** chunk size -> freed chunk addresses (LIFO) */
  private readonly bins = new Map<number, number[]>();
  private liveBytes = 0;
  private mallocCalls = 0;
  private freeCalls = 0;

  constructor(
    private readonly maxSize: number,
    private readonly heapLimit = RAW_HEAP_LIMIT,
    private readonly chunkLimit = RAW_CHUNK_LIMIT,
  ) {}

  malloc(size: number): number {
    this.checkSize(size);
    const n = size === 0 ? 1 : size;
    const chunk = Math.max(32, Math.ceil((n + 8) / 16) * 16);
    const bin = this.bins.get(chunk);
    let address: number;
    if (bin !== undefined && bin.length > 0) {
      address = bin.pop() as number;
    } else {
      if (this.top + chunk > RAW_HEAP_BASE + this.heapLimit)
        throw new OutOfMemoryError(
          `malloc(${BigInt(size)}): the simulated C heap has ${RAW_HEAP_BASE + this.heapLimit - this.top} of its ${this.heapLimit} bytes left (C's malloc returns NULL; CPython raises MemoryError)`,
        );
      if (this.chunkSize.size >= this.chunkLimit)
        throw new OutOfMemoryError(
          `malloc(${BigInt(size)}): the simulated C heap has carved its limit of ${this.chunkLimit} chunks (C's malloc returns NULL; CPython raises MemoryError)`,
        );
      address = this.top + 16;
      this.top += chunk;
      this.chunkSize.set(address, chunk);
    }
    this.live.set(address, n);
    this.liveBytes += n;
    this.mallocCalls++;
    return address;
  }

  calloc(count: number, elementSize: number): number {
    this.checkSize(count);
    this.checkSize(elementSize);
    return this.malloc(count * elementSize);
  }

  /** Returns the block's new address: the same one when the new size fits its chunk. */
  realloc(address: number, size: number): number {
    if (address === 0) return this.malloc(size);
    this.checkSize(size);
    this.checkLive(address, "realloc");
    const n = size === 0 ? 1 : size;
    const chunk = this.chunkSize.get(address) as number;
    if (n + 8 <= chunk) {
      this.liveBytes += n - (this.live.get(address) as number);
      this.live.set(address, n);
      return address;
    }
    const moved = this.malloc(n);
    this.free(address);
    return moved;
  }

  free(address: number): void {
    if (address === 0) return;
    this.checkLive(address, "free");
    this.liveBytes -= this.live.get(address) as number;
    this.live.delete(address);
    const chunk = this.chunkSize.get(address) as number;
    let bin = this.bins.get(chunk);
    if (bin === undefined) {
      bin = [];
      this.bins.set(chunk, bin);
    }
    bin.push(address);
    this.freeCalls++;
  }

  /** True when `address` is a live raw block. */
  owns(address: number): boolean {
    return this.live.has(address);
  }

  /** The requested size of a live block. */
  sizeOf(address: number): number | undefined {
    return this.live.get(address);
  }

  /** True when the raw allocator ever returned `address` (live or freed). */
  knows(address: number): boolean {
    return this.chunkSize.has(address);
  }

  stats(): RawStats {
    return {
      liveBlocks: this.live.size,
      liveBytes: this.liveBytes,
      mallocCalls: this.mallocCalls,
      freeCalls: this.freeCalls,
    };
  }

  /** Everything the allocator holds, as plain data: two states are equal exactly when these are. */
  state(): { top: number; live: [number, number][]; chunks: [number, number][]; bins: [number, number[]][] } {
    const sorted = <T>(entries: Iterable<[number, T]>) => [...entries].sort((a, b) => a[0] - b[0]);
    return {
      top: this.top,
      live: sorted(this.live),
      chunks: sorted(this.chunkSize),
      bins: sorted(this.bins).map(([size, addresses]) => [size, [...addresses]]),
    };
  }

  /** Live blocks as [address, size] pairs, in address order (for the invariant checker and pictures). */
  liveBlocks(): [number, number][] {
    return [...this.live].sort((a, b) => a[0] - b[0]);
  }

  checkSize(size: number): void {
    if (typeof size !== "number" || !Number.isInteger(size))
      throw new BadSizeError(`size must be a whole number of bytes, got ${show(size)}`);
    if (size < 0) throw new BadSizeError(`negative size ${size}`);
    if (size > this.maxSize) throw new BadSizeError(`size ${size} exceeds PY_SSIZE_T_MAX (${this.maxSize})`);
  }

  private checkLive(address: number, what: string): void {
    if (this.live.has(address)) return;
    if (!isAddress(address)) throw notAnAddress(what, address);
    if (this.chunkSize.has(address)) throw new DoubleFreeError(`${what} of freed raw block ${hex(address)}`);
    throw new ForeignPointerError(`${what} of ${hex(address)}, which no allocator returned`);
  }
}
