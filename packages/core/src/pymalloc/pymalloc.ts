/*
 * Layer +2: pymalloc, the object allocator (PyObject_Malloc and friends), decision for decision as in
 * Objects/obmalloc.c. Function names follow CPython's so the two can be read side by side.
 *
 * State lives in typed arrays, never in a JS object per block:
 *   arena objects  indexed by arena slot (CPython's index into the arenas vector)
 *   pool headers   indexed by node id: ids 0 .. NB-1 are the usedpools list heads (one per size
 *                  class, CPython's PTA(i) trick made explicit), then NB + slot * 64 + k is pool k
 *                  of arena slot `slot`, counted from the arena's first POOL_SIZE-aligned address
 *   block memory   `links`: one 16-bit word per ALIGNMENT bytes of every pool, holding what CPython
 *                  stores in a free block's first word, the next free block (as an offset in the
 *                  pool; 0 is NULL). `live`: one bit per such word, set for the first word of each
 *                  handed-out block, which CPython does not track; it lets the model refuse double
 *                  frees. A bitmap is 1/128 of the simulated memory, so with millions of live
 *                  blocks the check still hits the cache where `links` would not.
 *   page table     `pageTable`: per POOL_SIZE-aligned page of the address space, the node id of the
 *                  carved pool there, or NIL. It finds a block's pool with one multiply, as CPython
 *                  finds it by masking the address (POOL_ADDR).
 *
 * Invariants (checked by invariants.ts):
 *   1. a pool on usedpools[c] has szidx c, 0 < count < NUMBLOCKS, and a non-empty free list;
 *   2. a full pool is on no list; an empty pool is on its arena's freepools list only;
 *   3. usable_arenas holds exactly the arenas with nfreepools > 0, sorted by ascending nfreepools;
 *   4. nfp2lasta[n] (3.8+) is the last arena of usable_arenas with n free pools;
 *   5. the blocks a pool hands out never overlap, and count = blocks handed out - blocks freed;
 *   6. (3.10+) the radix tree says "used" exactly for addresses inside live arenas;
 *   7. the page table names exactly the carved pools of live arenas; `live` marks only block starts.
 */
import { BadSizeError, DoubleFreeError, ForeignPointerError, hex } from "../errors.js";
import { AddressSpace, type ArenaPlacement } from "../memory/address-space.js";
import { RawAllocator } from "../memory/raw-allocator.js";
import { maxPoolsInArena, poolOverhead, sizeClassCount } from "../profiles/geometry.js";
import type { AllocatorProfile } from "../profiles/profile.js";
import type { AllocatorListener } from "./events.js";
import { RadixTree } from "./radix-tree.js";

// The hot paths below write NIL as -1: V8 reads an exported constant from its module cell, with a
// check that it is initialised, at every use.
export const NIL = -1;
/** DUMMY_SIZE_IDX: the size class of a freshly carved pool that was never used. */
export const DUMMY_SIZE_IDX = 0xffff;
/** INITIAL_ARENA_OBJECTS: the arenas vector starts with 16 slots and doubles. */
export const INITIAL_ARENA_OBJECTS = 16;

export interface PymallocOptions {
  readonly placement?: ArenaPlacement;
}

/** Where a pymalloc block lives. */
export interface BlockLocation {
  readonly arena: number;
  readonly pool: number;
  readonly szidx: number;
  readonly block: number;
}

export class Pymalloc {
  readonly profile: AllocatorProfile;
  readonly space: AddressSpace;
  readonly raw: RawAllocator;
  readonly radix: RadixTree | undefined;

  // Constants of the profile (read in the hot paths, so kept as plain fields).
  readonly poolSize: number;
  readonly arenaSize: number;
  readonly overhead: number;
  readonly shift: number;
  readonly nbClasses: number;
  readonly threshold: number;
  readonly poolsPerArena: number;
  /** 16-bit words (ALIGNMENT bytes each) per pool in `links`; bits per pool in `live` (a multiple of 32). */
  readonly wordsPerPool: number;
  /** ALIGNMENT - 1: the low bits a block start has clear. */
  readonly alignMask: number;
  /** 1 / POOL_SIZE, exact (a power of two): a multiply instead of a division on the hot path. */
  readonly invPoolSize: number;
  /** POOL_SIZE - 1: the bits of an address below its pool's. */
  readonly poolMask: number;
  /** The POOL_SIZE-aligned address that page 0 of `pageTable` starts at. */
  readonly tableBase: number;
  /** Bytes of address space the page table covers from tableBase. */
  private tableSpan = 0;
  /** 3.9+: the last wholly free arena is kept; linear-walk: ≤3.7 re-sorts usable_arenas by walking. */
  private readonly keepLastEmpty: boolean;
  private readonly linearWalk: boolean;
  /** PY_SSIZE_T_MAX for the profile's pointer size. */
  readonly maxSize: number;

  // The arenas vector (struct arena_object).
  maxarenas = 0;
  arAddress = new Float64Array(0);
  arPoolAddress = new Float64Array(0);
  arFirstPool = new Float64Array(0);
  arNfreepools = new Int32Array(0);
  arNtotalpools = new Int32Array(0);
  arFreepools = new Int32Array(0);
  arNext = new Int32Array(0);
  arPrev = new Int32Array(0);
  unusedArenaObjects = NIL;
  usableArenas = NIL;
  /** nfp2lasta[n]: the last arena in usable_arenas with n free pools (3.8+; kept for every profile). */
  readonly nfp2lasta: Int32Array;
  narenasCurrentlyAllocated = 0;
  ntimesArenaAllocated = 0;
  narenasHighwater = 0;

  // Pool headers and list heads (struct pool_header), by node id.
  poolCount = new Int32Array(0);
  poolFreeblock = new Int32Array(0);
  poolNext = new Int32Array(0);
  poolPrev = new Int32Array(0);
  poolArena = new Int32Array(0);
  poolSzidx = new Int32Array(0);
  poolNextoffset = new Int32Array(0);
  poolMaxnextoffset = new Int32Array(0);
  /** Not in CPython's header (it derives them): the pool's address and block size, cached for speed. */
  poolBase = new Float64Array(0);
  poolBlockSize = new Int32Array(0);

  // Block memory and the page table.
  links = new Uint16Array(0);
  live = new Uint32Array(0);
  pageTable = new Int32Array(0);

  /** Blocks PyObject_Malloc/Calloc handed to the raw allocator that are still live (raw_allocated_blocks). */
  rawAllocatedBlocks = 0;

  private listener: AllocatorListener | null = null;
  /** The offset in its pool of the block allocateFromNewPool hands out (its second result). */
  private newPoolOffset = 0;

  constructor(profile: AllocatorProfile, options: PymallocOptions = {}) {
    this.profile = profile;
    this.poolSize = profile.poolSize;
    this.arenaSize = profile.arenaSize;
    this.overhead = poolOverhead(profile);
    this.shift = Math.log2(profile.alignment);
    this.nbClasses = sizeClassCount(profile);
    this.threshold = profile.smallRequestThreshold;
    this.poolsPerArena = maxPoolsInArena(profile);
    this.wordsPerPool = profile.poolSize >> this.shift;
    this.alignMask = profile.alignment - 1;
    this.invPoolSize = 1 / profile.poolSize;
    this.poolMask = profile.poolSize - 1;
    this.keepLastEmpty = profile.arenaRelease === "keep-last-empty";
    this.linearWalk = profile.arenaReordering === "linear-walk";
    this.maxSize = profile.pointerSize === 8 ? 2 ** 63 - 1 : 2 ** 31 - 1;
    this.space = new AddressSpace(profile.arenaSize, profile.poolSize, options.placement);
    this.tableBase = Math.floor(this.space.base / profile.poolSize) * profile.poolSize;
    this.raw = new RawAllocator(this.maxSize);
    this.radix = profile.addressCheck.kind === "radix-tree" ? new RadixTree(profile) : undefined;
    this.nfp2lasta = new Int32Array(this.poolsPerArena + 1).fill(NIL);
    this.growPools(0);
  }

  /** Bytes of model memory held in typed arrays (arena objects, pool headers, block memory). */
  footprint(): number {
    const arrays = [
      this.arAddress,
      this.arPoolAddress,
      this.arFirstPool,
      this.arNfreepools,
      this.arNtotalpools,
      this.arFreepools,
      this.arNext,
      this.arPrev,
      this.poolCount,
      this.poolFreeblock,
      this.poolNext,
      this.poolPrev,
      this.poolArena,
      this.poolSzidx,
      this.poolNextoffset,
      this.poolMaxnextoffset,
      this.poolBase,
      this.poolBlockSize,
      this.links,
      this.live,
      this.pageTable,
    ];
    return arrays.reduce((n, a) => n + a.byteLength, 0);
  }

  /** Attach (or with null, detach) the one listener for the event trace. */
  setListener(listener: AllocatorListener | null): void {
    this.listener = listener;
  }

  // ---------------------------------------------------------------- PyObject_Malloc / Calloc / Free

  /**
   * _PyObject_Malloc: pymalloc for 1..threshold bytes, the raw allocator otherwise. pymalloc_alloc is
   * written out here, with locals for the arrays, so that V8 can inline all of malloc into its
   * callers; the rare cases (the pool's free list runs out, the class has no used pool) are calls.
   */
  malloc(nbytes: number): number {
    // `+`: a call's result is of unknown type, and merging it with the fast path's double would make
    // V8 box every address malloc returns (a heap number each) once malloc is inlined. For the same
    // reason allocateFromNewPool returns a pool (a small integer), not an address.
    if (!(nbytes > 0 && nbytes <= this.threshold && (nbytes | 0) === nbytes))
      return +this.mallocOther(nbytes);
    const size = (nbytes - 1) >> this.shift;
    let pool = this.poolNext[size] as number;
    let offset: number;
    if (pool !== size) {
      // A used pool exists: take the head of its free list.
      const counts = this.poolCount;
      counts[pool] = (counts[pool] as number) + 1;
      const freeblock = this.poolFreeblock;
      offset = freeblock[pool] as number;
      const next = this.links[pool * this.wordsPerPool + (offset >> this.shift)] as number;
      freeblock[pool] = next;
      if (next === 0) this.poolExtend(pool, size);
    } else {
      pool = this.allocateFromNewPool(size); // may grow (replace) the arrays
      offset = this.newPoolOffset;
    }
    const word = pool * this.wordsPerPool + (offset >> this.shift);
    const live = this.live;
    live[word >>> 5] = (live[word >>> 5] as number) | (1 << (word & 31));
    const address = (this.poolBase[pool] as number) + offset;
    if (this.listener !== null) this.emitBlock("block-alloc", pool, address);
    return address;
  }

  /**
   * malloc of what its fast test leaves out. Every size pymalloc serves (a whole number in
   * 1..threshold) passed that test, so once the size is valid it is 0 or above the threshold: raw.
   */
  private mallocOther(nbytes: number): number {
    this.checkSize(nbytes);
    return this.rawObjectMalloc(nbytes);
  }

  /** _PyObject_Calloc: like malloc of count * size bytes (contents are not modelled). */
  calloc(count: number, elementSize: number): number {
    this.checkSize(count);
    this.checkSize(elementSize);
    if (elementSize !== 0 && count > Math.floor(this.maxSize / elementSize)) {
      throw new BadSizeError(`calloc(${count}, ${elementSize}) overflows PY_SSIZE_T_MAX`);
    }
    return this.malloc(count * elementSize);
  }

  /**
   * _PyObject_Free. free(0) does nothing. The pool lookup (poolOf), the liveness check and
   * pymalloc_free are written out here, for the same reason as in malloc.
   */
  free(address: number): void {
    if (address === 0) return;
    // For 0 <= d < tableSpan, `| 0` truncates like Math.floor, and (d | 0) keeps d's low 32 bits,
    // which hold the offset in its pool.
    const d = address - this.tableBase;
    const pool = d >= 0 && d < this.tableSpan ? (this.pageTable[(d * this.invPoolSize) | 0] as number) : -1;
    if (pool === -1) {
      this.rawFree(address);
      return;
    }
    const offset = (d | 0) & this.poolMask;
    const word = pool * this.wordsPerPool + (offset >> this.shift);
    const live = this.live;
    const bit = 1 << (word & 31);
    if ((offset & this.alignMask) !== 0 || ((live[word >>> 5] as number) & bit) === 0)
      this.checkLiveBlock(pool, address, "free");
    if (this.listener !== null) this.emitBlock("block-free", pool, address);
    // pymalloc_free: the block goes to the head of the pool's free list. (The arrays are read after
    // the listener ran: what it does may grow them.)
    const liveNow = this.live;
    liveNow[word >>> 5] = (liveNow[word >>> 5] as number) & ~bit;
    const freeblock = this.poolFreeblock;
    const lastfree = freeblock[pool] as number;
    this.links[word] = lastfree;
    freeblock[pool] = offset;
    const counts = this.poolCount;
    const count = (counts[pool] as number) - 1;
    counts[pool] = count;
    if (lastfree === 0) this.insertToUsedpool(pool);
    else if (count === 0) this.insertToFreepool(pool);
  }

  private rawFree(address: number): void {
    this.checkRaw(address, "free");
    const size = this.raw.sizeOf(address) as number;
    this.raw.free(address);
    this.rawAllocatedBlocks--;
    this.listener?.({ type: "raw-free", address, size });
  }

  /**
   * _PyObject_Realloc. A pymalloc block stays in place when the new size still fits its block and
   * would not shave off at least a quarter of it (4 * n > 3 * blocksize); otherwise it moves, possibly
   * to the raw allocator. A raw block stays raw whatever its new size (obmalloc: bug 1185883).
   */
  realloc(address: number, nbytes: number): number {
    if (address === 0) return this.malloc(nbytes);
    this.checkSize(nbytes);
    const pool = this.poolOf(address);
    if (pool === NIL) {
      this.checkRaw(address, "realloc");
      const oldSize = this.raw.sizeOf(address) as number;
      const moved = this.raw.realloc(address, nbytes);
      if (moved !== address && this.listener) {
        this.listener({ type: "raw-free", address, size: oldSize });
        this.listener({ type: "raw-alloc", address: moved, size: this.raw.sizeOf(moved) as number });
      }
      return moved;
    }
    if (!this.isLiveBlock(pool, address)) this.checkLiveBlock(pool, address, "realloc");
    const size = this.poolBlockSize[pool] as number;
    if (nbytes <= size && 4 * nbytes > 3 * size) return address;
    const moved = this.malloc(nbytes);
    this.free(address);
    return moved;
  }

  // ---------------------------------------------------------------- PyMem_Malloc (the "mem" domain)

  /**
   * PyMem_Malloc: from 3.6 the same allocator as PyObject_Malloc (pymalloc, issue #26249); before
   * that, C malloc with size 0 served as 1, not counted by sys.getallocatedblocks().
   */
  memMalloc(nbytes: number): number {
    return this.profile.memDomainUsesPymalloc ? this.malloc(nbytes) : this.raw.malloc(nbytes);
  }

  /** PyMem_Realloc (see memMalloc for which allocator serves it). */
  memRealloc(address: number, nbytes: number): number {
    return this.profile.memDomainUsesPymalloc
      ? this.realloc(address, nbytes)
      : this.raw.realloc(address, nbytes);
  }

  /** PyMem_Free (see memMalloc for which allocator serves it). */
  memFree(address: number): void {
    if (this.profile.memDomainUsesPymalloc) this.free(address);
    else this.raw.free(address);
  }

  // ---------------------------------------------------------------- the pymalloc core

  /** pymalloc_pool_extend: carve the next virgin block, or unlink the pool once it is full. */
  private poolExtend(pool: number, size: number): void {
    const nextoffset = this.poolNextoffset[pool] as number;
    if (nextoffset <= (this.poolMaxnextoffset[pool] as number)) {
      this.poolFreeblock[pool] = nextoffset;
      this.poolNextoffset[pool] = nextoffset + ((size + 1) << this.shift);
      this.links[pool * this.wordsPerPool + (nextoffset >> this.shift)] = 0;
      return;
    }
    const next = this.poolNext[pool] as number;
    const prev = this.poolPrev[pool] as number;
    this.poolPrev[next] = prev;
    this.poolNext[prev] = next;
    this.listener?.({ type: "pool-full", arena: this.poolArena[pool] as number, pool: this.poolIndex(pool) });
  }

  /**
   * allocate_from_new_pool: the size class has no used pool; take one from the most-used arena.
   * Returns the pool; the offset of the block to hand out is left in newPoolOffset.
   */
  private allocateFromNewPool(size: number): number {
    if (this.usableArenas === -1) {
      const a = this.newArena();
      this.usableArenas = a;
      this.arNext[a] = -1;
      this.arPrev[a] = -1;
      this.nfp2lasta[this.arNfreepools[a] as number] = a;
    }
    const ua = this.usableArenas;
    const nf = this.arNfreepools[ua] as number;
    // The head has the fewest free pools, so taking one from it keeps the list sorted.
    if (this.nfp2lasta[nf] === ua) this.nfp2lasta[nf] = -1;
    if (nf > 1) this.nfp2lasta[nf - 1] = ua;

    let pool = this.arFreepools[ua] as number;
    if (pool !== -1) {
      // Reuse the most recently emptied pool of this arena (LIFO).
      this.arFreepools[ua] = this.poolNext[pool] as number;
    } else {
      // Carve a never-used pool at the arena's high-water mark.
      const address = this.arPoolAddress[ua] as number;
      pool = this.nodeOf(ua, (address - (this.arFirstPool[ua] as number)) / this.poolSize);
      this.setPage(address, pool);
      this.poolArena[pool] = ua;
      this.poolBase[pool] = address;
      this.poolSzidx[pool] = DUMMY_SIZE_IDX;
      this.arPoolAddress[ua] = address + this.poolSize;
    }
    this.arNfreepools[ua] = nf - 1;
    if (nf - 1 === 0) {
      this.usableArenas = this.arNext[ua] as number;
      if (this.usableArenas !== -1) this.arPrev[this.usableArenas] = -1;
    }

    // Frontlink to usedpools[size] (the list is empty here).
    const head = size;
    this.poolNext[pool] = head;
    this.poolPrev[pool] = head;
    this.poolNext[head] = pool;
    this.poolPrev[head] = pool;
    this.poolCount[pool] = 1;
    const base = pool * this.wordsPerPool;
    if (this.poolSzidx[pool] === size) {
      // Same size class as last time: header and free list are still valid.
      const offset = this.poolFreeblock[pool] as number;
      this.poolFreeblock[pool] = this.links[base + (offset >> this.shift)] as number;
      if (this.listener !== null) this.emitPoolInit(pool, size, true);
      this.newPoolOffset = offset;
      return pool;
    }
    const blockSize = (size + 1) << this.shift;
    this.poolSzidx[pool] = size;
    this.poolBlockSize[pool] = blockSize;
    this.poolNextoffset[pool] = this.overhead + 2 * blockSize;
    this.poolMaxnextoffset[pool] = this.poolSize - blockSize;
    this.poolFreeblock[pool] = this.overhead + blockSize;
    this.links[base + ((this.overhead + blockSize) >> this.shift)] = 0;
    if (this.listener !== null) this.emitPoolInit(pool, size, false);
    this.newPoolOffset = this.overhead;
    return pool;
  }

  /** insert_to_usedpool: a full pool got a free block; it becomes the head of its class's list. */
  private insertToUsedpool(pool: number): void {
    const head = this.poolSzidx[pool] as number;
    const next = this.poolNext[head] as number;
    const prev = this.poolPrev[next] as number;
    this.poolNext[pool] = next;
    this.poolPrev[pool] = prev;
    this.poolPrev[next] = pool;
    this.poolNext[prev] = pool;
  }

  /** insert_to_freepool: the pool became empty; give it to its arena and re-sort usable_arenas. */
  private insertToFreepool(pool: number): void {
    const next = this.poolNext[pool] as number;
    const prev = this.poolPrev[pool] as number;
    this.poolPrev[next] = prev;
    this.poolNext[prev] = next;
    const ao = this.poolArena[pool] as number;
    this.poolNext[pool] = this.arFreepools[ao] as number;
    this.arFreepools[ao] = pool;
    this.listener?.({ type: "pool-empty", arena: ao, pool: this.poolIndex(pool) });

    let nf = this.arNfreepools[ao] as number;
    const lastnf = this.nfp2lasta[nf] as number;
    if (lastnf === ao) {
      const p = this.arPrev[ao] as number;
      this.nfp2lasta[nf] = p !== -1 && this.arNfreepools[p] === nf ? p : -1;
    }
    nf++;
    this.arNfreepools[ao] = nf;

    // Case 1: the arena is wholly free. Give it back, except (3.9+) when it is the last usable arena.
    if (nf === this.arNtotalpools[ao] && (!this.keepLastEmpty || this.arNext[ao] !== -1)) {
      this.unlinkUsable(ao);
      this.freeArena(ao);
      return;
    }
    // Case 2: the first free pool of a full arena: it goes to the head (fewest free pools).
    if (nf === 1) {
      this.arNext[ao] = this.usableArenas;
      this.arPrev[ao] = -1;
      if (this.usableArenas !== -1) this.arPrev[this.usableArenas] = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === -1) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === -1) this.nfp2lasta[nf] = ao;
    if (this.linearWalk) {
      this.resortByWalking(ao, nf);
      return;
    }
    // Case 4: ao was the last arena with nf-1 free pools, so the order still holds.
    if (ao === lastnf) return;
    // Case 3: move ao right, to just after the last arena with nf-1 free pools.
    this.unlinkUsable(ao);
    this.arPrev[ao] = lastnf;
    this.arNext[ao] = this.arNext[lastnf] as number;
    const after = this.arNext[ao] as number;
    if (after !== -1) this.arPrev[after] = ao;
    this.arNext[lastnf] = ao;
  }

  /** ≤3.7: walk right past every arena with fewer free pools (same final order as nfp2lasta). */
  private resortByWalking(ao: number, nf: number): void {
    const first = this.arNext[ao] as number;
    if (first === -1 || nf <= (this.arNfreepools[first] as number)) return;
    this.unlinkUsable(ao);
    let prev = first;
    while (this.arNext[prev] !== -1 && nf > (this.arNfreepools[this.arNext[prev] as number] as number)) {
      prev = this.arNext[prev] as number;
    }
    this.arPrev[ao] = prev;
    this.arNext[ao] = this.arNext[prev] as number;
    if (this.arNext[ao] !== -1) this.arPrev[this.arNext[ao] as number] = ao;
    this.arNext[prev] = ao;
  }

  private unlinkUsable(ao: number): void {
    const prev = this.arPrev[ao] as number;
    const next = this.arNext[ao] as number;
    if (prev === -1) this.usableArenas = next;
    else this.arNext[prev] = next;
    if (next !== -1) this.arPrev[next] = prev;
  }

  // ---------------------------------------------------------------- arenas

  /** new_arena: take an arena object (growing the vector 16, 32, 64, ...) and map its memory. */
  private newArena(): number {
    if (this.unusedArenaObjects === NIL) {
      const numarenas = this.maxarenas === 0 ? INITIAL_ARENA_OBJECTS : this.maxarenas * 2;
      this.growArenas(numarenas);
      for (let i = this.maxarenas; i < numarenas; i++) {
        this.arAddress[i] = 0;
        this.arNext[i] = i < numarenas - 1 ? i + 1 : NIL;
      }
      this.unusedArenaObjects = this.maxarenas;
      this.maxarenas = numarenas;
    }
    const a = this.unusedArenaObjects;
    const address = this.space.map(); // may throw OutOfMemoryError: nothing has changed yet
    this.unusedArenaObjects = this.arNext[a] as number;
    this.radix?.markUsed(address, true);
    this.arAddress[a] = address;
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) {
      this.narenasHighwater = this.narenasCurrentlyAllocated;
    }
    this.arFreepools[a] = NIL;
    let first = address;
    let nfree = this.poolsPerArena;
    const excess = address % this.poolSize;
    if (excess !== 0) {
      nfree--;
      first += this.poolSize - excess;
    }
    this.arPoolAddress[a] = first;
    this.arFirstPool[a] = first;
    this.arNfreepools[a] = nfree;
    this.arNtotalpools[a] = nfree;
    // Fresh mmap'd memory reads as zeros.
    const from = (this.nbClasses + a * this.poolsPerArena) * this.wordsPerPool;
    this.links.fill(0, from, from + this.poolsPerArena * this.wordsPerPool);
    this.live.fill(0, from >>> 5, (from + this.poolsPerArena * this.wordsPerPool) >>> 5);
    this.listener?.({ type: "arena-alloc", arena: a, address, pools: nfree });
    return a;
  }

  /** The arena's pools are all empty: unmap it and put its object on unused_arena_objects (LIFO). */
  private freeArena(ao: number): void {
    const address = this.arAddress[ao] as number;
    this.arNext[ao] = this.unusedArenaObjects;
    this.unusedArenaObjects = ao;
    this.radix?.markUsed(address, false);
    for (let p = this.arFirstPool[ao] as number; p < (this.arPoolAddress[ao] as number); p += this.poolSize) {
      this.setPage(p, NIL);
    }
    this.space.unmap(address);
    this.arAddress[ao] = 0;
    this.narenasCurrentlyAllocated--;
    this.listener?.({ type: "arena-free", arena: ao, address });
  }

  private growArenas(n: number): void {
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.arAddress = grow64(this.arAddress);
    this.arPoolAddress = grow64(this.arPoolAddress);
    this.arFirstPool = grow64(this.arFirstPool);
    this.arNfreepools = grow32(this.arNfreepools);
    this.arNtotalpools = grow32(this.arNtotalpools);
    this.arFreepools = grow32(this.arFreepools);
    this.arNext = grow32(this.arNext);
    this.arPrev = grow32(this.arPrev);
    this.growPools(n);
  }

  /** Pool headers and block memory for `arenas` arena slots, plus the usedpools heads. */
  private growPools(arenas: number): void {
    const nodes = this.nbClasses + arenas * this.poolsPerArena;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(nodes);
      b.set(a);
      return b;
    };
    const firstNew = this.poolCount.length;
    this.poolCount = grow(this.poolCount);
    this.poolFreeblock = grow(this.poolFreeblock);
    this.poolNext = grow(this.poolNext);
    this.poolPrev = grow(this.poolPrev);
    this.poolArena = grow(this.poolArena);
    this.poolSzidx = grow(this.poolSzidx);
    this.poolNextoffset = grow(this.poolNextoffset);
    this.poolMaxnextoffset = grow(this.poolMaxnextoffset);
    this.poolBlockSize = grow(this.poolBlockSize);
    const base = new Float64Array(nodes);
    base.set(this.poolBase);
    this.poolBase = base;
    if (firstNew === 0) {
      // Empty usedpools lists: each head points at itself.
      for (let c = 0; c < this.nbClasses; c++) {
        this.poolNext[c] = c;
        this.poolPrev[c] = c;
      }
    }
    const links = new Uint16Array(nodes * this.wordsPerPool);
    links.set(this.links);
    this.links = links;
    const live = new Uint32Array((nodes * this.wordsPerPool) >>> 5);
    live.set(this.live);
    this.live = live;
  }

  /** Records in the page table that the pool at `poolAddress` is node `pool` (or, with NIL, none). */
  private setPage(poolAddress: number, pool: number): void {
    const page = (poolAddress - this.tableBase) / this.poolSize;
    if (page >= this.pageTable.length) {
      // Pages up to the end of the highest mapping slot, doubling so growth stays rare.
      const grown = new Int32Array(Math.max(page + 1, this.pageTable.length * 2)).fill(NIL);
      grown.set(this.pageTable);
      this.pageTable = grown;
      this.tableSpan = grown.length * this.poolSize;
    }
    this.pageTable[page] = pool;
  }

  // ---------------------------------------------------------------- addresses

  /** Pool node id for arena slot `arena`, pool index `k`. */
  nodeOf(arena: number, k: number): number {
    return this.nbClasses + arena * this.poolsPerArena + k;
  }

  /** The pool's index in its arena, counted from the first POOL_SIZE-aligned address. */
  poolIndex(pool: number): number {
    return (pool - this.nbClasses) % this.poolsPerArena;
  }

  poolAddress(pool: number): number {
    const arena = Math.floor((pool - this.nbClasses) / this.poolsPerArena);
    return (this.arFirstPool[arena] as number) + this.poolIndex(pool) * this.poolSize;
  }

  /** The carved pool containing `address`, or NIL when the address is in no live arena's carved pools. */
  poolOf(address: number): number {
    const d = address - this.tableBase;
    return d >= 0 && d < this.tableSpan ? (this.pageTable[(d * this.invPoolSize) | 0] as number) : NIL;
  }

  /** Is the `live` bit of this word of block memory (pool * wordsPerPool + offset / ALIGNMENT) set? */
  isLiveWord(word: number): boolean {
    return ((this.live[word >>> 5] as number) & (1 << (word & 31))) !== 0;
  }

  /** Where a live pymalloc block is, or undefined for any other address. */
  locate(address: number): BlockLocation | undefined {
    const pool = this.poolOf(address);
    if (pool === NIL || !this.isLiveBlock(pool, address)) return undefined;
    const blockSize = ((this.poolSzidx[pool] as number) + 1) << this.shift;
    return {
      arena: this.poolArena[pool] as number,
      pool: this.poolIndex(pool),
      szidx: this.poolSzidx[pool] as number,
      block: (address - this.poolAddress(pool) - this.overhead) / blockSize,
    };
  }

  /** address_in_range: is this pymalloc's address (by the profile's own rule)? */
  addressInRange(address: number): boolean {
    if (this.radix) return this.radix.isUsed(address);
    const pool = this.poolOf(address);
    return pool !== NIL;
  }

  /** Is `address` the start of a handed-out block of `pool`? (`live` marks only block starts.) */
  private isLiveBlock(pool: number, address: number): boolean {
    // An offset inside a pool fits in int32.
    const offset = (address - (this.poolBase[pool] as number)) | 0;
    return (
      (offset & this.alignMask) === 0 && this.isLiveWord(pool * this.wordsPerPool + (offset >> this.shift))
    );
  }

  // ---------------------------------------------------------------- checks and raw fallback

  private checkSize(n: number): void {
    this.raw.checkSize(n);
  }

  private checkLiveBlock(pool: number, address: number, what: string): void {
    if (this.isLiveBlock(pool, address)) return;
    const offset = address - this.poolAddress(pool);
    const blockSize = ((this.poolSzidx[pool] as number) + 1) << this.shift;
    const boundary = offset >= this.overhead && (offset - this.overhead) % blockSize === 0;
    const carved = offset < (this.poolNextoffset[pool] as number);
    if (boundary && carved && this.poolSzidx[pool] !== DUMMY_SIZE_IDX) {
      throw new DoubleFreeError(`${what} of ${hex(address)}: the block was already freed`);
    }
    throw new ForeignPointerError(`${what} of ${hex(address)}: not the start of a block pymalloc handed out`);
  }

  private checkRaw(address: number, what: string): void {
    if (this.raw.owns(address)) return;
    if (this.raw.knows(address))
      throw new DoubleFreeError(`${what} of ${hex(address)}: the raw block was already freed`);
    throw new ForeignPointerError(`${what} of ${hex(address)}, which no allocator of the model returned`);
  }

  private rawObjectMalloc(nbytes: number): number {
    const address = this.raw.malloc(nbytes);
    this.rawAllocatedBlocks++;
    this.listener?.({ type: "raw-alloc", address, size: this.raw.sizeOf(address) as number });
    return address;
  }

  private emitBlock(type: "block-alloc" | "block-free", pool: number, address: number): void {
    const szidx = this.poolSzidx[pool] as number;
    this.listener?.({
      type,
      address,
      arena: this.poolArena[pool] as number,
      pool: this.poolIndex(pool),
      szidx,
      block: (address - this.poolAddress(pool) - this.overhead) / ((szidx + 1) << this.shift),
    });
  }

  private emitPoolInit(pool: number, szidx: number, reused: boolean): void {
    this.listener?.({
      type: "pool-init",
      arena: this.poolArena[pool] as number,
      pool: this.poolIndex(pool),
      szidx,
      reused,
    });
  }
}
