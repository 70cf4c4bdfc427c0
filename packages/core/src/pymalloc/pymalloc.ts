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
 *                  pool; 0 is NULL). `live` marks the first word of each handed-out block, which
 *                  CPython does not track; it lets the model refuse double frees.
 *
 * Invariants (checked by invariants.ts):
 *   1. a pool on usedpools[c] has szidx c, 0 < count < NUMBLOCKS, and a non-empty free list;
 *   2. a full pool is on no list; an empty pool is on its arena's freepools list only;
 *   3. usable_arenas holds exactly the arenas with nfreepools > 0, sorted by ascending nfreepools;
 *   4. nfp2lasta[n] (3.8+) is the last arena of usable_arenas with n free pools;
 *   5. the blocks a pool hands out never overlap, and count = blocks handed out - blocks freed;
 *   6. (3.10+) the radix tree says "used" exactly for addresses inside live arenas.
 */
import { BadSizeError, DoubleFreeError, ForeignPointerError, hex } from "../errors.js";
import { AddressSpace, type ArenaPlacement } from "../memory/address-space.js";
import { RawAllocator } from "../memory/raw-allocator.js";
import { maxPoolsInArena, poolOverhead, sizeClassCount } from "../profiles/geometry.js";
import type { AllocatorProfile } from "../profiles/profile.js";
import type { AllocatorListener } from "./events.js";
import { RadixTree } from "./radix-tree.js";

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
  /** 16-bit words (ALIGNMENT bytes each) per pool in `links` and `live`. */
  readonly wordsPerPool: number;
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
  /** address-space slot -> arena slot */
  private mapToArena = new Int32Array(16).fill(NIL);
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

  // Block memory.
  links = new Uint16Array(0);
  live = new Uint8Array(0);

  /** Blocks PyObject_Malloc/Calloc handed to the raw allocator that are still live (raw_allocated_blocks). */
  rawAllocatedBlocks = 0;

  private listener: AllocatorListener | null = null;
  /** Pool node id of the block the last pymallocAlloc returned. */
  private lastPool = NIL;

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
    this.maxSize = profile.pointerSize === 8 ? 2 ** 63 - 1 : 2 ** 31 - 1;
    this.space = new AddressSpace(profile.arenaSize, profile.poolSize, options.placement);
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
      this.mapToArena,
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
    ];
    return arrays.reduce((n, a) => n + a.byteLength, 0);
  }

  /** Attach (or with null, detach) the one listener for the event trace. */
  setListener(listener: AllocatorListener | null): void {
    this.listener = listener;
  }

  // ---------------------------------------------------------------- PyObject_Malloc / Calloc / Free

  /** _PyObject_Malloc: pymalloc for 1..threshold bytes, the raw allocator otherwise. */
  malloc(nbytes: number): number {
    if (nbytes > 0 && nbytes <= this.threshold && (nbytes | 0) === nbytes) return this.pymallocAlloc(nbytes);
    this.checkSize(nbytes);
    if (nbytes !== 0 && nbytes <= this.threshold) return this.pymallocAlloc(nbytes);
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

  /** _PyObject_Free. free(0) does nothing. */
  free(address: number): void {
    if (address === 0) return;
    const pool = this.poolOf(address);
    if (pool !== NIL) {
      if (!this.isLiveBlock(pool, address)) this.checkLiveBlock(pool, address, "free");
      this.pymallocFree(pool, address);
      return;
    }
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
    this.pymallocFree(pool, address);
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

  /** pymalloc_alloc for 1 <= nbytes <= threshold; returns the block's address. */
  private pymallocAlloc(nbytes: number): number {
    const size = (nbytes - 1) >> this.shift;
    const pool = this.poolNext[size] as number;
    let offset: number;
    if (pool !== size) {
      // A used pool exists: take the head of its free list.
      this.poolCount[pool] = (this.poolCount[pool] as number) + 1;
      offset = this.poolFreeblock[pool] as number;
      const next = this.links[pool * this.wordsPerPool + (offset >> this.shift)] as number;
      this.poolFreeblock[pool] = next;
      if (next === 0) this.poolExtend(pool, size);
      this.lastPool = pool;
    } else {
      offset = this.allocateFromNewPool(size);
    }
    const p = this.lastPool;
    this.live[p * this.wordsPerPool + (offset >> this.shift)] = 1;
    const address = (this.poolBase[p] as number) + offset;
    if (this.listener) this.emitBlock("block-alloc", p, address);
    return address;
  }

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

  /** allocate_from_new_pool: the size class has no used pool; take one from the most-used arena. */
  private allocateFromNewPool(size: number): number {
    if (this.usableArenas === NIL) {
      const a = this.newArena();
      this.usableArenas = a;
      this.arNext[a] = NIL;
      this.arPrev[a] = NIL;
      this.nfp2lasta[this.arNfreepools[a] as number] = a;
    }
    const ua = this.usableArenas;
    const nf = this.arNfreepools[ua] as number;
    // The head has the fewest free pools, so taking one from it keeps the list sorted.
    if (this.nfp2lasta[nf] === ua) this.nfp2lasta[nf] = NIL;
    if (nf > 1) this.nfp2lasta[nf - 1] = ua;

    let pool = this.arFreepools[ua] as number;
    if (pool !== NIL) {
      // Reuse the most recently emptied pool of this arena (LIFO).
      this.arFreepools[ua] = this.poolNext[pool] as number;
    } else {
      // Carve a never-used pool at the arena's high-water mark.
      const address = this.arPoolAddress[ua] as number;
      pool = this.nodeOf(ua, (address - (this.arFirstPool[ua] as number)) / this.poolSize);
      this.poolArena[pool] = ua;
      this.poolBase[pool] = address;
      this.poolSzidx[pool] = DUMMY_SIZE_IDX;
      this.arPoolAddress[ua] = address + this.poolSize;
    }
    this.arNfreepools[ua] = nf - 1;
    if (nf - 1 === 0) {
      this.usableArenas = this.arNext[ua] as number;
      if (this.usableArenas !== NIL) this.arPrev[this.usableArenas] = NIL;
    }

    // Frontlink to usedpools[size] (the list is empty here).
    const head = size;
    this.poolNext[pool] = head;
    this.poolPrev[pool] = head;
    this.poolNext[head] = pool;
    this.poolPrev[head] = pool;
    this.poolCount[pool] = 1;
    this.lastPool = pool;
    const base = pool * this.wordsPerPool;
    if (this.poolSzidx[pool] === size) {
      // Same size class as last time: header and free list are still valid.
      const offset = this.poolFreeblock[pool] as number;
      this.poolFreeblock[pool] = this.links[base + (offset >> this.shift)] as number;
      if (this.listener) this.emitPoolInit(pool, size, true);
      return offset;
    }
    const blockSize = (size + 1) << this.shift;
    this.poolSzidx[pool] = size;
    this.poolBlockSize[pool] = blockSize;
    this.poolNextoffset[pool] = this.overhead + 2 * blockSize;
    this.poolMaxnextoffset[pool] = this.poolSize - blockSize;
    this.poolFreeblock[pool] = this.overhead + blockSize;
    this.links[base + ((this.overhead + blockSize) >> this.shift)] = 0;
    if (this.listener) this.emitPoolInit(pool, size, false);
    return this.overhead;
  }

  /** pymalloc_free for a live block of `pool`. */
  private pymallocFree(pool: number, address: number): void {
    const offset = (address - (this.poolBase[pool] as number)) | 0;
    const word = pool * this.wordsPerPool + (offset >> this.shift);
    if (this.listener) this.emitBlock("block-free", pool, address);
    this.live[word] = 0;
    const lastfree = this.poolFreeblock[pool] as number;
    this.links[word] = lastfree;
    this.poolFreeblock[pool] = offset;
    const count = (this.poolCount[pool] as number) - 1;
    this.poolCount[pool] = count;
    if (lastfree === 0) {
      this.insertToUsedpool(pool);
      return;
    }
    if (count !== 0) return;
    this.insertToFreepool(pool);
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
      this.nfp2lasta[nf] = p !== NIL && this.arNfreepools[p] === nf ? p : NIL;
    }
    nf++;
    this.arNfreepools[ao] = nf;

    // Case 1: the arena is wholly free. Give it back, except (3.9+) when it is the last usable arena.
    const keepLast = this.profile.arenaRelease === "keep-last-empty";
    if (nf === this.arNtotalpools[ao] && (!keepLast || this.arNext[ao] !== NIL)) {
      this.unlinkUsable(ao);
      this.freeArena(ao);
      return;
    }
    // Case 2: the first free pool of a full arena: it goes to the head (fewest free pools).
    if (nf === 1) {
      this.arNext[ao] = this.usableArenas;
      this.arPrev[ao] = NIL;
      if (this.usableArenas !== NIL) this.arPrev[this.usableArenas] = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === NIL) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === NIL) this.nfp2lasta[nf] = ao;
    if (this.profile.arenaReordering === "linear-walk") {
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
    if (after !== NIL) this.arPrev[after] = ao;
    this.arNext[lastnf] = ao;
  }

  /** ≤3.7: walk right past every arena with fewer free pools (same final order as nfp2lasta). */
  private resortByWalking(ao: number, nf: number): void {
    const first = this.arNext[ao] as number;
    if (first === NIL || nf <= (this.arNfreepools[first] as number)) return;
    this.unlinkUsable(ao);
    let prev = first;
    while (this.arNext[prev] !== NIL && nf > (this.arNfreepools[this.arNext[prev] as number] as number)) {
      prev = this.arNext[prev] as number;
    }
    this.arPrev[ao] = prev;
    this.arNext[ao] = this.arNext[prev] as number;
    if (this.arNext[ao] !== NIL) this.arPrev[this.arNext[ao] as number] = ao;
    this.arNext[prev] = ao;
  }

  private unlinkUsable(ao: number): void {
    const prev = this.arPrev[ao] as number;
    const next = this.arNext[ao] as number;
    if (prev === NIL) this.usableArenas = next;
    else this.arNext[prev] = next;
    if (next !== NIL) this.arPrev[next] = prev;
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
    const slot = this.space.slotOf(address);
    if (slot >= this.mapToArena.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.mapToArena.length * 2)).fill(NIL);
      grown.set(this.mapToArena);
      this.mapToArena = grown;
    }
    this.mapToArena[slot] = a;
    // Fresh mmap'd memory reads as zeros.
    const from = (this.nbClasses + a * this.poolsPerArena) * this.wordsPerPool;
    this.links.fill(0, from, from + this.poolsPerArena * this.wordsPerPool);
    this.live.fill(0, from, from + this.poolsPerArena * this.wordsPerPool);
    this.listener?.({ type: "arena-alloc", arena: a, address, pools: nfree });
    return a;
  }

  /** The arena's pools are all empty: unmap it and put its object on unused_arena_objects (LIFO). */
  private freeArena(ao: number): void {
    const address = this.arAddress[ao] as number;
    this.arNext[ao] = this.unusedArenaObjects;
    this.unusedArenaObjects = ao;
    this.radix?.markUsed(address, false);
    this.mapToArena[this.space.slotOf(address)] = NIL;
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
    const live = new Uint8Array(nodes * this.wordsPerPool);
    live.set(this.live);
    this.live = live;
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
    const slot = this.space.slotOf(address);
    if (slot === -1) return NIL;
    const arena = this.mapToArena[slot] as number;
    if (arena === NIL) return NIL;
    const first = this.arFirstPool[arena] as number;
    if (address < first || address >= (this.arPoolAddress[arena] as number)) return NIL;
    return this.nodeOf(arena, Math.floor((address - first) / this.poolSize));
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

  private isLiveBlock(pool: number, address: number): boolean {
    // An offset inside a pool fits in int32; `| 0` keeps the modulo below in integer arithmetic.
    const offset = (address - (this.poolBase[pool] as number)) | 0;
    if (offset < this.overhead || (offset - this.overhead) % (this.poolBlockSize[pool] as number) !== 0)
      return false;
    return this.live[pool * this.wordsPerPool + (offset >> this.shift)] === 1;
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
