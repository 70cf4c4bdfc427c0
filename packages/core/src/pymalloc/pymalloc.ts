/*
 * Layer +2: pymalloc, the object allocator (PyObject_Malloc and friends), decision for decision as in
 * Objects/obmalloc.c. Function names follow CPython's so the two can be read side by side.
 *
 * State lives in typed arrays, never in a JS object per block:
 *   arena objects  `arenas`: one row of ARENA_FIELDS int32 per arena slot (CPython's index into the
 *                  arenas vector): struct arena_object's counts and links; its addresses, doubles,
 *                  are in arAddress, arPoolAddress and arFirstPool
 *   pool headers   `pools`: one row of POOL_FIELDS int32 per node id, the fields of CPython's struct
 *                  pool_header. Ids 0 .. NB-1 are the usedpools list heads (one per size class,
 *                  CPython's PTA(i) trick made explicit), then NB + slot * 64 + k is pool k of arena
 *                  slot `slot`, counted from the arena's first POOL_SIZE-aligned address.
 *                  `poolBase` holds each pool's address (CPython's header knows it by being there).
 *   block memory   `links`: one 16-bit word per ALIGNMENT bytes of every pool. In a free block's
 *                  first word, what CPython stores there: the next free block, as an offset in the
 *                  pool (0 is NULL; a multiple of ALIGNMENT, so even). In a handed-out block's first
 *                  word, where CPython has the caller's data, LIVE (1, odd): the model's own mark,
 *                  which lets it refuse double frees. The word is the one pymalloc reads (malloc) or
 *                  writes (free) anyway, so the check costs no extra memory access.
 *   page table     `pageTable`: per POOL_SIZE-aligned page of the address space, the node id of the
 *                  carved pool there, or NIL. It finds a block's pool with one multiply, as CPython
 *                  finds it by masking the address (POOL_ADDR).
 *
 * Why rows rather than one array per field (measured on the benchmark, see packages/bench): every
 * typed-array access in V8's optimized code loads the array from its field, then the array's length
 * and data pointer; a pool's fields in one row cost that once per function instead of once per
 * field, and a pool's header is one cache line, as in CPython. A field is read as
 * `pools[(pool << POOL_SHIFT) | FIELD]`, a block's word as `links[(pool << wordsShift) | word]`:
 * the low bits are free, and `|` and `<<` compile to one instruction each where `+` and `*` carry
 * an overflow check.
 *
 * Invariants (checked by invariants.ts):
 *   1. a pool on usedpools[c] has szidx c, 0 < count < NUMBLOCKS, and a non-empty free list;
 *   2. a full pool is on no list; an empty pool is on its arena's freepools list only;
 *   3. usable_arenas holds exactly the arenas with nfreepools > 0, sorted by ascending nfreepools;
 *   4. nfp2lasta[n] (3.8+) is the last arena of usable_arenas with n free pools;
 *   5. the blocks a pool hands out never overlap, and count = blocks handed out - blocks freed;
 *   6. (3.10+) the radix tree says "used" exactly for addresses inside live arenas;
 *   7. the page table names exactly the carved pools of live arenas; LIVE marks only block starts.
 */
import {
  BadSizeError,
  DoubleFreeError,
  ForeignPointerError,
  hex,
  isAddress,
  notAnAddress,
} from "../errors.js";
import { AddressSpace, type ArenaPlacement } from "../memory/address-space.js";
import { RAW_HEAP_LIMIT, RAW_HEAP_LIMIT_32BIT, RawAllocator } from "../memory/raw-allocator.js";
import { maxPoolsInArena, poolOverhead, sizeClassCount } from "../profiles/geometry.js";
import type { AllocatorProfile } from "../profiles/profile.js";
import { DebugApiRecord } from "./debug-api.js";
import type { AllocatorListener } from "./events.js";
import { RadixTree } from "./radix-tree.js";

// V8 reads an exported constant from its module cell, with a check that it is initialised, at every
// use; a module-private `const` is folded into the code. So the hot paths use the private names
// below (and -1 for NIL), and the exported ones are for other modules.
export const NIL = -1;
/** What `links` holds in the first word of a handed-out block (free-list links are even). */
export const LIVE = 1;
/** DUMMY_SIZE_IDX: the size class of a freshly carved pool that was never used. */
export const DUMMY_SIZE_IDX = 0xffff;
/** INITIAL_ARENA_OBJECTS: the arenas vector starts with 16 slots and doubles. */
export const INITIAL_ARENA_OBJECTS = 16;

const LIVE_MARK = 1;
const DUMMY = 0xffff;

// A row of `pools`: struct pool_header. (Offsets in the row; a row is POOL_FIELDS int32.)
const POOL_FIELDS = 8;
const POOL_SHIFT = 3; // log2(POOL_FIELDS)
/**
 * ref.count and freeblock in one int32, STATE: the count of blocks handed out above bit 16, the
 * offset in the pool of the first free block (0 for none) below it. malloc and free read and write
 * both, and one access instead of two saves V8 a bounds check and an address computation each time.
 * (Offsets are below POOL_SIZE ≤ 64 KiB, counts below 2^14.)
 */
const STATE = 0;
const COUNT_SHIFT = 16;
const COUNT_ONE = 0x10000;
const FREEBLOCK_MASK = 0xffff;
// Field 1 is unused: the row keeps 8 fields, a power of two.
/** nextpool, prevpool: node ids, on usedpools[szidx] or (nextpool only) the arena's freepools. */
const NEXTPOOL = 2;
const PREVPOOL = 3;
/** arenaindex: the arena slot. */
const ARENAINDEX = 4;
/** szidx: the size class, DUMMY_SIZE_IDX until first used. */
const SZIDX = 5;
/** nextoffset: offset of the next never-used block; maxnextoffset: the largest valid one. */
const NEXTOFFSET = 6;
const MAXNEXTOFFSET = 7;

// A row of `arenas`: struct arena_object without its addresses.
const ARENA_FIELDS = 8;
const ARENA_SHIFT = 3; // log2(ARENA_FIELDS)
const NFREEPOOLS = 0;
const NTOTALPOOLS = 1;
/** freepools: node id of the most recently emptied pool, NIL for none. */
const FREEPOOLS = 2;
/** nextarena, prevarena: arena slots, on usable_arenas (nextarena also on unused_arena_objects). */
const NEXTARENA = 3;
const PREVARENA = 4;

export interface PymallocOptions {
  readonly placement?: ArenaPlacement;
}

/** Observers of new allocators (see observeAllocators). */
const allocatorObservers = new Set<(pm: Pymalloc) => void>();

/**
 * Calls `observer` with every allocator created from now on (python() sessions' included), as its
 * constructor ends, until the returned function is called. This is how a tool finds the heaps a
 * program makes: the site draws them after a reader's spec runs. Nothing is called, and nothing
 * costs, when nobody observes.
 */
export function observeAllocators(observer: (pm: Pymalloc) => void): () => void {
  allocatorObservers.add(observer);
  return () => {
    allocatorObservers.delete(observer);
  };
}

/** Where a pymalloc block lives. */
export interface BlockLocation {
  readonly arena: number;
  readonly pool: number;
  readonly szidx: number;
  readonly block: number;
}

// Fields set in the constructor are `declare`d: a plain declaration compiles to a class field that
// starts as undefined, which leaves V8 a field of any type, so every read of, say, `shift` checked
// for a small integer and `tableBase` for a heap number. Declared, each field starts with its real
// type (a small integer, a double, a typed array) and reads need no check.
export class Pymalloc {
  declare readonly profile: AllocatorProfile;
  declare readonly space: AddressSpace;
  declare readonly raw: RawAllocator;
  declare readonly radix: RadixTree | undefined;

  // Constants of the profile (read in the hot paths, so kept as plain fields).
  declare readonly poolSize: number;
  declare readonly arenaSize: number;
  declare readonly overhead: number;
  declare readonly shift: number;
  declare readonly nbClasses: number;
  declare readonly threshold: number;
  /** Bytes a debug build's hooks add to every request (profile.debugHookBytes); 0 in a release build. */
  declare readonly hookBytes: number;
  /** A debug build's record of which domain allocated each block (debug-api.ts); else undefined. */
  declare readonly debugApi: DebugApiRecord | undefined;
  declare readonly poolsPerArena: number;
  /** 16-bit words (ALIGNMENT bytes each) per pool in `links`; a pool's words start at pool << wordsShift. */
  declare readonly wordsPerPool: number;
  declare readonly wordsShift: number;
  /** ALIGNMENT - 1: the low bits a block start has clear. */
  declare readonly alignMask: number;
  /** log2(POOL_SIZE): a page's number is its offset from tableBase shifted right by this. */
  declare readonly poolBits: number;
  /** 1 / POOL_SIZE, exact (a power of two): a multiply instead of a division. */
  declare readonly invPoolSize: number;
  /** POOL_SIZE - 1: the bits of an address below its pool's. */
  declare readonly poolMask: number;
  /** The POOL_SIZE-aligned address that page 0 of `pageTable` starts at. */
  declare readonly tableBase: number;
  /** tableBase's low 32 bits, as an int32 (see free). */
  declare readonly tableBaseLow: number;
  /** Bytes of address space the page table covers from tableBase. */
  private tableSpan = 0;
  /**
   * 1 from 3.9 (the last wholly free arena is kept), else 0; linearWalk: 1 up to 3.7 (usable_arenas
   * is re-sorted by walking), else 0. Numbers, not booleans: V8 tests a boolean field with its
   * generic truth test (about ten instructions), a small integer with one compare.
   */
  declare private readonly keepLastEmpty: number;
  declare private readonly linearWalk: number;
  /** PY_SSIZE_T_MAX for the profile's pointer size. */
  declare readonly maxSize: number;

  // The arenas vector (struct arena_object).
  maxarenas = 0;
  /** ARENA_FIELDS int32 per arena slot (see the top of this file); read with arNfreepools() & co. */
  arenas = new Int32Array(0);
  arAddress = new Float64Array(0);
  arPoolAddress = new Float64Array(0);
  arFirstPool = new Float64Array(0);
  unusedArenaObjects = NIL;
  usableArenas = NIL;
  /** nfp2lasta[n]: the last arena in usable_arenas with n free pools (3.8+; kept for every profile). */
  declare readonly nfp2lasta: Int32Array;
  narenasCurrentlyAllocated = 0;
  ntimesArenaAllocated = 0;
  narenasHighwater = 0;

  /** POOL_FIELDS int32 per node id (see the top of this file); read with poolCount() & co. */
  pools = new Int32Array(0);
  /** The address of each carved pool, by node id. */
  poolBase = new Float64Array(0);

  // Block memory and the page table.
  links = new Uint16Array(0);
  pageTable = new Int32Array(0);

  /** Blocks PyObject_Malloc/Calloc handed to the raw allocator that are still live (raw_allocated_blocks). */
  rawAllocatedBlocks = 0;

  private listener: AllocatorListener | null = null;
  /** The offset in its pool of the block allocateFromNewPool hands out (its second result). */
  private newPoolOffset = 0;

  constructor(profile: AllocatorProfile, options: PymallocOptions = {}) {
    if (profile.poolSize > 0x10000)
      throw new RangeError(`POOL_SIZE ${profile.poolSize} > 64 KiB: offsets need 16 bits`);
    this.profile = profile;
    this.poolSize = profile.poolSize;
    this.arenaSize = profile.arenaSize;
    this.overhead = poolOverhead(profile);
    this.shift = Math.log2(profile.alignment);
    this.nbClasses = sizeClassCount(profile);
    this.threshold = profile.smallRequestThreshold;
    this.hookBytes = profile.debugHookBytes;
    this.debugApi = profile.debugHookBytes > 0 ? new DebugApiRecord() : undefined;
    this.poolsPerArena = maxPoolsInArena(profile);
    this.wordsPerPool = profile.poolSize >> this.shift;
    this.wordsShift = Math.log2(this.wordsPerPool);
    this.alignMask = profile.alignment - 1;
    this.poolBits = Math.log2(profile.poolSize);
    this.invPoolSize = 1 / profile.poolSize;
    this.poolMask = profile.poolSize - 1;
    this.keepLastEmpty = profile.arenaRelease === "keep-last-empty" ? 1 : 0;
    this.linearWalk = profile.arenaReordering === "linear-walk" ? 1 : 0;
    this.maxSize = profile.pointerSize === 8 ? 2 ** 63 - 1 : 2 ** 31 - 1;
    this.space = new AddressSpace(profile.arenaSize, profile.poolSize, options.placement);
    // From slot 0's page, not the base: a misalignment of any size then costs no page-table memory.
    this.tableBase = Math.floor(this.space.addressOfSlot(0) / profile.poolSize) * profile.poolSize;
    this.tableBaseLow = this.tableBase | 0;
    this.raw = new RawAllocator(
      this.maxSize,
      profile.pointerSize === 8 ? RAW_HEAP_LIMIT : RAW_HEAP_LIMIT_32BIT,
    );
    this.radix = profile.addressCheck.kind === "radix-tree" ? new RadixTree(profile) : undefined;
    this.nfp2lasta = new Int32Array(this.poolsPerArena + 1).fill(NIL);
    this.growPools(0);
    for (const observe of allocatorObservers) observe(this);
  }

  /** Bytes of model memory held in typed arrays (arena objects, pool headers, block memory). */
  footprint(): number {
    const arrays = [
      this.arenas,
      this.arAddress,
      this.arPoolAddress,
      this.arFirstPool,
      this.pools,
      this.poolBase,
      this.links,
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
    // One test for "a whole number in 1..threshold": n equals nbytes only if nbytes is an int32, and
    // (n - 1) >>> 0 takes 0 and the negatives above any threshold. `+`: a call's result is of unknown
    // type, and merging it with the fast path's double would make V8 box every address malloc returns
    // (a heap number each) once malloc is inlined. For the same reason allocateFromNewPool returns a
    // pool (a small integer), not an address.
    // (typeof first: `| 0` throws on a BigInt or a Symbol, and would call an object's valueOf.)
    if (typeof nbytes !== "number") return +this.mallocOther(nbytes);
    // A debug build: the hooks ask for their bytes more (debug-hooks.ts); the request is checked first.
    if (this.hookBytes !== 0) nbytes = this.withHookBytes(nbytes);
    const n = nbytes | 0;
    if (n !== nbytes || (n - 1) >>> 0 >= this.threshold) return +this.mallocOther(nbytes);
    const shift = this.shift;
    const size = (n - 1) >> shift;
    const pools = this.pools;
    let pool = pools[(size << POOL_SHIFT) | NEXTPOOL] as number;
    let offset: number;
    if (pool !== size) {
      // A used pool exists: take the head of its free list.
      const p = pool << POOL_SHIFT;
      const state = pools[p | STATE] as number;
      offset = state & FREEBLOCK_MASK;
      const links = this.links;
      const word = (pool << this.wordsShift) | (offset >> shift);
      const next = links[word] as number;
      links[word] = LIVE_MARK;
      // (count + 1) from a value known to be 0..0xffff: V8 needs no overflow check on the add.
      pools[p | STATE] = (((state >>> COUNT_SHIFT) + 1) << COUNT_SHIFT) | next;
      if (next === 0) this.poolExtend(pool, size);
    } else {
      pool = this.allocateFromNewPool(size); // may grow (replace) the arrays
      offset = this.newPoolOffset;
    }
    const address = (this.poolBase[pool] as number) + offset;
    if (this.listener !== null) this.emitBlock("block-alloc", pool, address);
    if (this.hookBytes !== 0) this.debugApi?.allocated(address, "o");
    return address;
  }

  /** A valid request plus the debug hooks' bytes (_PyMem_DebugRawAlloc's total). */
  private withHookBytes(nbytes: number): number {
    this.checkSize(nbytes);
    if (nbytes > this.maxSize - this.hookBytes)
      throw new BadSizeError(`${nbytes} bytes and the debug hooks' ${this.hookBytes} pass PY_SSIZE_T_MAX`);
    return nbytes + this.hookBytes;
  }

  /**
   * malloc of what its fast test leaves out. Every size pymalloc serves (a whole number in
   * 1..threshold) passed that test, so once the size is valid it is 0 or above the threshold: raw.
   */
  private mallocOther(nbytes: number): number {
    this.checkSize(nbytes);
    const address = this.rawObjectMalloc(nbytes);
    this.debugApi?.allocated(address, "o");
    return address;
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
    // Anything but a number would be converted below, a numeric string to the block it names.
    if (typeof address !== "number") throw notAnAddress("free", address);
    // a debug build: a block of the "mem" domain may not be freed here (a free that then fails is of
    // an address the record does not hold: not handed out, or freed already)
    if (this.hookBytes !== 0) this.debugApi?.release(address, "o", "Free");
    // The block's distance from tableBase, d, in integer arithmetic: its low 32 bits from the
    // address's own (one conversion; CPython finds the pool with one mask, and a chain of
    // floating-point subtract, multiply and convert before the page-table load cost 1-2 ns a call).
    // (rel >>> 0) === d holds exactly when d is a whole number in 0 .. 4 GiB; anything else (free(NULL),
    // a fraction, a raw block, a page 4 GiB or more above tableBase) takes poolOfFar.
    const d = address - this.tableBase;
    const rel = ((address | 0) - this.tableBaseLow) | 0;
    const page = rel >>> this.poolBits;
    const pageTable = this.pageTable;
    const pool = rel >>> 0 === d && page < pageTable.length ? (pageTable[page] as number) : this.poolOfFar(d);
    if (pool === -1) {
      this.rawFree(address);
      return;
    }
    const offset = rel & this.poolMask;
    const word = (pool << this.wordsShift) | (offset >> this.shift);
    if ((offset & this.alignMask) !== 0 || this.links[word] !== LIVE_MARK)
      this.checkLiveBlock(pool, address, "free");
    if (this.listener !== null) this.emitBlock("block-free", pool, address);
    // pymalloc_free: the block goes to the head of the pool's free list. (The arrays are read after
    // the listener ran: what it does may grow them.)
    const pools = this.pools;
    const p = pool << POOL_SHIFT;
    const state = pools[p | STATE] as number;
    const lastfree = state & FREEBLOCK_MASK;
    this.links[word] = lastfree;
    const count = (state >> COUNT_SHIFT) - 1;
    pools[p | STATE] = (count << COUNT_SHIFT) | offset;
    if (lastfree === 0) this.insertToUsedpool(pool);
    else if (count === 0) this.insertToFreepool(pool);
  }

  private rawFree(address: number): void {
    if (address === 0) return;
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
    const api = this.debugApi;
    if (api === undefined) return this.reallocBlock(address, nbytes);
    return api.resize(address, "o", () => this.reallocBlock(address, nbytes));
  }

  /** _PyObject_Realloc of a block (address ≠ 0), the debug build's API check done. */
  private reallocBlock(address: number, nbytes: number): number {
    this.checkSize(nbytes);
    // What the allocator below the debug hooks is asked for (debug-hooks.ts); malloc adds them itself.
    const total = this.hookBytes === 0 ? nbytes : this.withHookBytes(nbytes);
    const pool = this.poolOf(address);
    if (pool === NIL) {
      this.checkRaw(address, "realloc");
      const oldSize = this.raw.sizeOf(address) as number;
      const moved = this.raw.realloc(address, total);
      if (moved !== address && this.listener) {
        this.listener({ type: "raw-free", address, size: oldSize });
        this.listener({ type: "raw-alloc", address: moved, size: this.raw.sizeOf(moved) as number });
      }
      return moved;
    }
    if (!this.isLiveBlock(pool, address)) this.checkLiveBlock(pool, address, "realloc");
    const size = this.blockSizeOf(pool);
    if (total <= size && 4 * total > 3 * size) return address;
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
    if (!this.profile.memDomainUsesPymalloc) return this.raw.malloc(nbytes);
    const address = this.malloc(nbytes);
    // a debug build: the block is the "mem" domain's (malloc recorded it as the "obj" one's)
    this.debugApi?.allocated(address, "m");
    return address;
  }

  /** PyMem_Realloc (see memMalloc for which allocator serves it). */
  memRealloc(address: number, nbytes: number): number {
    if (!this.profile.memDomainUsesPymalloc) return this.raw.realloc(address, nbytes);
    const api = this.debugApi;
    if (api === undefined || address === 0) return this.realloc(address, nbytes);
    // the record is forgotten first, so realloc finds none to check; its result becomes "mem"'s
    return api.resize(address, "m", () => this.realloc(address, nbytes));
  }

  /** PyMem_Free (see memMalloc for which allocator serves it). */
  memFree(address: number): void {
    if (!this.profile.memDomainUsesPymalloc) {
      this.raw.free(address);
      return;
    }
    this.debugApi?.release(address, "m", "Free"); // free then finds no record to check
    this.free(address);
  }

  // ---------------------------------------------------------------- the pymalloc core
  //
  // The slow paths below read each array into a local once, after any call that may replace it
  // (newArena grows them; a listener may do anything, so events go before the reads or at the end).

  /** pymalloc_pool_extend: carve the next virgin block, or unlink the pool once it is full. */
  private poolExtend(pool: number, size: number): void {
    const pools = this.pools;
    const p = pool << POOL_SHIFT;
    const nextoffset = pools[p | NEXTOFFSET] as number;
    if (nextoffset <= (pools[p | MAXNEXTOFFSET] as number)) {
      pools[p | STATE] = ((pools[p | STATE] as number) & ~FREEBLOCK_MASK) | nextoffset;
      pools[p | NEXTOFFSET] = nextoffset + ((size + 1) << this.shift);
      this.links[(pool << this.wordsShift) | (nextoffset >> this.shift)] = 0;
      return;
    }
    const next = pools[p | NEXTPOOL] as number;
    const prev = pools[p | PREVPOOL] as number;
    pools[(next << POOL_SHIFT) | PREVPOOL] = prev;
    pools[(prev << POOL_SHIFT) | NEXTPOOL] = next;
    if (this.listener !== null) this.emitPoolFull(pool);
  }

  /**
   * allocate_from_new_pool: the size class has no used pool; take one from the most-used arena and
   * hand out its first free block (marked live here). Returns the pool; the offset of the block is
   * left in newPoolOffset.
   */
  private allocateFromNewPool(size: number): number {
    if (this.usableArenas === -1) this.newUsableArena();
    const ua = this.usableArenas;
    const arenas = this.arenas;
    const pools = this.pools;
    const a = ua << ARENA_SHIFT;
    const nfp2lasta = this.nfp2lasta;
    const nf = arenas[a | NFREEPOOLS] as number;
    // The head has the fewest free pools, so taking one from it keeps the list sorted.
    if (nfp2lasta[nf] === ua) nfp2lasta[nf] = -1;
    if (nf > 1) nfp2lasta[nf - 1] = ua;

    let pool = arenas[a | FREEPOOLS] as number;
    // Reuse the most recently emptied pool of this arena (LIFO), else carve a never-used one.
    if (pool !== -1) arenas[a | FREEPOOLS] = pools[(pool << POOL_SHIFT) | NEXTPOOL] as number;
    else pool = this.carvePool(ua);
    arenas[a | NFREEPOOLS] = nf - 1;
    if (nf === 1) {
      const next = arenas[a | NEXTARENA] as number;
      this.usableArenas = next;
      if (next !== -1) arenas[(next << ARENA_SHIFT) | PREVARENA] = -1;
    }

    // Frontlink to usedpools[size] (the list is empty here).
    const p = pool << POOL_SHIFT;
    const head = size << POOL_SHIFT;
    pools[p | NEXTPOOL] = size;
    pools[p | PREVPOOL] = size;
    pools[head | NEXTPOOL] = pool;
    pools[head | PREVPOOL] = pool;
    const shift = this.shift;
    const links = this.links;
    const base = pool << this.wordsShift;
    let offset: number;
    const reused = pools[p | SZIDX] === size;
    if (reused) {
      // Same size class as last time: header and free list are still valid.
      offset = (pools[p | STATE] as number) & FREEBLOCK_MASK;
      pools[p | STATE] = COUNT_ONE | (links[base | (offset >> shift)] as number);
    } else {
      const overhead = this.overhead;
      const blockSize = (size + 1) << shift;
      pools[p | SZIDX] = size;
      pools[p | NEXTOFFSET] = overhead + 2 * blockSize;
      pools[p | MAXNEXTOFFSET] = this.poolSize - blockSize;
      pools[p | STATE] = COUNT_ONE | (overhead + blockSize);
      links[base | ((overhead + blockSize) >> shift)] = 0;
      offset = overhead;
    }
    links[base | (offset >> shift)] = LIVE_MARK;
    this.newPoolOffset = offset;
    if (this.listener !== null) this.emitPoolInit(pool, size, reused);
    return pool;
  }

  /** usable_arenas is empty: a new arena becomes its only member. */
  private newUsableArena(): void {
    const ao = this.newArena();
    const a = ao << ARENA_SHIFT;
    this.usableArenas = ao;
    this.arenas[a | NEXTARENA] = -1;
    this.arenas[a | PREVARENA] = -1;
    this.nfp2lasta[this.arenas[a | NFREEPOOLS] as number] = ao;
  }

  /** Carves a never-used pool at the arena's high-water mark. */
  private carvePool(ao: number): number {
    const address = this.arPoolAddress[ao] as number;
    const pool = this.nodeOf(ao, (address - (this.arFirstPool[ao] as number)) / this.poolSize);
    this.setPage(address, pool);
    this.pools[(pool << POOL_SHIFT) | ARENAINDEX] = ao;
    this.pools[(pool << POOL_SHIFT) | SZIDX] = DUMMY;
    this.poolBase[pool] = address;
    this.arPoolAddress[ao] = address + this.poolSize;
    return pool;
  }

  /** insert_to_usedpool: a full pool got a free block; it becomes the head of its class's list. */
  private insertToUsedpool(pool: number): void {
    const pools = this.pools;
    const p = pool << POOL_SHIFT;
    const head = pools[p | SZIDX] as number;
    const next = pools[(head << POOL_SHIFT) | NEXTPOOL] as number;
    const prev = pools[(next << POOL_SHIFT) | PREVPOOL] as number;
    pools[p | NEXTPOOL] = next;
    pools[p | PREVPOOL] = prev;
    pools[(next << POOL_SHIFT) | PREVPOOL] = pool;
    pools[(prev << POOL_SHIFT) | NEXTPOOL] = pool;
  }

  /** insert_to_freepool: the pool became empty; give it to its arena and re-sort usable_arenas. */
  private insertToFreepool(pool: number): void {
    if (this.listener !== null) this.emitPoolEmpty(pool);
    const pools = this.pools;
    const p = pool << POOL_SHIFT;
    const next = pools[p | NEXTPOOL] as number;
    const prev = pools[p | PREVPOOL] as number;
    pools[(next << POOL_SHIFT) | PREVPOOL] = prev;
    pools[(prev << POOL_SHIFT) | NEXTPOOL] = next;
    const ao = pools[p | ARENAINDEX] as number;
    const arenas = this.arenas;
    const a = ao << ARENA_SHIFT;
    pools[p | NEXTPOOL] = arenas[a | FREEPOOLS] as number;
    arenas[a | FREEPOOLS] = pool;

    const nfp2lasta = this.nfp2lasta;
    let nf = arenas[a | NFREEPOOLS] as number;
    const lastnf = nfp2lasta[nf] as number;
    if (lastnf === ao) {
      const prevarena = arenas[a | PREVARENA] as number;
      nfp2lasta[nf] =
        prevarena !== -1 && arenas[(prevarena << ARENA_SHIFT) | NFREEPOOLS] === nf ? prevarena : -1;
    }
    nf++;
    arenas[a | NFREEPOOLS] = nf;

    // Case 1: the arena is wholly free. Give it back, except (3.9+) when it is the last usable arena.
    if (nf === arenas[a | NTOTALPOOLS] && (arenas[a | NEXTARENA] !== -1 || this.keepLastEmpty === 0)) {
      this.unlinkUsable(ao);
      this.freeArena(ao);
      return;
    }
    // Case 2: the first free pool of a full arena: it goes to the head (fewest free pools).
    if (nf === 1) {
      const head = this.usableArenas;
      arenas[a | NEXTARENA] = head;
      arenas[a | PREVARENA] = -1;
      if (head !== -1) arenas[(head << ARENA_SHIFT) | PREVARENA] = ao;
      this.usableArenas = ao;
      if (nfp2lasta[1] === -1) nfp2lasta[1] = ao;
      return;
    }
    if (nfp2lasta[nf] === -1) nfp2lasta[nf] = ao;
    if (this.linearWalk === 1) {
      this.resortByWalking(ao, nf);
      return;
    }
    // Case 4: ao was the last arena with nf-1 free pools, so the order still holds.
    if (ao === lastnf) return;
    // Case 3: move ao right, to just after the last arena with nf-1 free pools.
    this.unlinkUsable(ao);
    const l = lastnf << ARENA_SHIFT;
    const after = arenas[l | NEXTARENA] as number;
    arenas[a | PREVARENA] = lastnf;
    arenas[a | NEXTARENA] = after;
    if (after !== -1) arenas[(after << ARENA_SHIFT) | PREVARENA] = ao;
    arenas[l | NEXTARENA] = ao;
  }

  /** ≤3.7: walk right past every arena with fewer free pools (same final order as nfp2lasta). */
  private resortByWalking(ao: number, nf: number): void {
    const arenas = this.arenas;
    const first = arenas[(ao << ARENA_SHIFT) | NEXTARENA] as number;
    if (first === -1 || nf <= (arenas[(first << ARENA_SHIFT) | NFREEPOOLS] as number)) return;
    this.unlinkUsable(ao);
    let prev = first;
    for (;;) {
      const next = arenas[(prev << ARENA_SHIFT) | NEXTARENA] as number;
      if (next === -1 || nf <= (arenas[(next << ARENA_SHIFT) | NFREEPOOLS] as number)) break;
      prev = next;
    }
    const after = arenas[(prev << ARENA_SHIFT) | NEXTARENA] as number;
    arenas[(ao << ARENA_SHIFT) | PREVARENA] = prev;
    arenas[(ao << ARENA_SHIFT) | NEXTARENA] = after;
    if (after !== -1) arenas[(after << ARENA_SHIFT) | PREVARENA] = ao;
    arenas[(prev << ARENA_SHIFT) | NEXTARENA] = ao;
  }

  private unlinkUsable(ao: number): void {
    const arenas = this.arenas;
    const prev = arenas[(ao << ARENA_SHIFT) | PREVARENA] as number;
    const next = arenas[(ao << ARENA_SHIFT) | NEXTARENA] as number;
    if (prev === -1) this.usableArenas = next;
    else arenas[(prev << ARENA_SHIFT) | NEXTARENA] = next;
    if (next !== -1) arenas[(next << ARENA_SHIFT) | PREVARENA] = prev;
  }

  // ---------------------------------------------------------------- arenas

  /** new_arena: take an arena object (growing the vector 16, 32, 64, ...) and map its memory. */
  private newArena(): number {
    if (this.unusedArenaObjects === NIL) {
      const numarenas = this.maxarenas === 0 ? INITIAL_ARENA_OBJECTS : this.maxarenas * 2;
      this.growArenas(numarenas);
      for (let i = this.maxarenas; i < numarenas; i++) {
        this.arAddress[i] = 0;
        this.arenas[(i << ARENA_SHIFT) | NEXTARENA] = i < numarenas - 1 ? i + 1 : NIL;
      }
      this.unusedArenaObjects = this.maxarenas;
      this.maxarenas = numarenas;
    }
    const ao = this.unusedArenaObjects;
    const a = ao << ARENA_SHIFT;
    const address = this.space.map(); // may throw OutOfMemoryError: nothing has changed yet
    this.unusedArenaObjects = this.arenas[a | NEXTARENA] as number;
    this.radix?.markUsed(address, true);
    this.arAddress[ao] = address;
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) {
      this.narenasHighwater = this.narenasCurrentlyAllocated;
    }
    this.arenas[a | FREEPOOLS] = NIL;
    let first = address;
    let nfree = this.poolsPerArena;
    const excess = address % this.poolSize;
    if (excess !== 0) {
      nfree--;
      first += this.poolSize - excess;
    }
    this.arPoolAddress[ao] = first;
    this.arFirstPool[ao] = first;
    this.arenas[a | NFREEPOOLS] = nfree;
    this.arenas[a | NTOTALPOOLS] = nfree;
    // Fresh mmap'd memory reads as zeros.
    this.growLinks(ao + 1);
    const from = (this.nbClasses + ao * this.poolsPerArena) * this.wordsPerPool;
    this.links.fill(0, from, from + this.poolsPerArena * this.wordsPerPool);
    this.listener?.({ type: "arena-alloc", arena: ao, address, pools: nfree });
    return ao;
  }

  /** The arena's pools are all empty: unmap it and put its object on unused_arena_objects (LIFO). */
  private freeArena(ao: number): void {
    const address = this.arAddress[ao] as number;
    this.arenas[(ao << ARENA_SHIFT) | NEXTARENA] = this.unusedArenaObjects;
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
    const arenas = new Int32Array(n * ARENA_FIELDS);
    arenas.set(this.arenas);
    this.arenas = arenas;
    this.arAddress = grow64(this.arAddress);
    this.arPoolAddress = grow64(this.arPoolAddress);
    this.arFirstPool = grow64(this.arFirstPool);
    this.growPools(n);
  }

  /** Pool headers and block memory for `arenas` arena slots, plus the usedpools heads. */
  private growPools(arenas: number): void {
    const nodes = this.nbClasses + arenas * this.poolsPerArena;
    const first = this.pools.length === 0;
    const pools = new Int32Array(nodes * POOL_FIELDS);
    pools.set(this.pools);
    this.pools = pools;
    if (first) {
      // Empty usedpools lists: each head points at itself.
      for (let c = 0; c < this.nbClasses; c++) {
        pools[(c << POOL_SHIFT) | NEXTPOOL] = c;
        pools[(c << POOL_SHIFT) | PREVPOOL] = c;
      }
    }
    const base = new Float64Array(nodes);
    base.set(this.poolBase);
    this.poolBase = base;
  }

  /**
   * Block memory for the pools of arena slots below `arenas`: grown when an arena is mapped, not
   * with the arena vector, as a program that maps one arena would otherwise pay for zeroing sixteen.
   */
  private growLinks(arenas: number): void {
    const words = (this.nbClasses + arenas * this.poolsPerArena) * this.wordsPerPool;
    if (words <= this.links.length) return;
    const links = new Uint16Array(Math.max(words, this.links.length * 2));
    links.set(this.links);
    this.links = links;
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

  // ---------------------------------------------------------------- reading the rows

  /** ref.count of the pool (or list head) `pool`: its blocks handed out. */
  poolCount(pool: number): number {
    return (this.pools[(pool << POOL_SHIFT) | STATE] as number) >> COUNT_SHIFT;
  }

  /** freeblock: offset of the pool's first free block, 0 for none. */
  poolFreeblock(pool: number): number {
    return (this.pools[(pool << POOL_SHIFT) | STATE] as number) & FREEBLOCK_MASK;
  }

  /** nextpool: the next node on the pool's list (usedpools, or its arena's freepools). */
  poolNext(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | NEXTPOOL] as number;
  }

  /** prevpool: the previous node on usedpools. */
  poolPrev(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | PREVPOOL] as number;
  }

  /** arenaindex: the pool's arena slot. */
  poolArena(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | ARENAINDEX] as number;
  }

  /** szidx: the pool's size class (DUMMY_SIZE_IDX for a carved pool never used). */
  poolSzidx(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | SZIDX] as number;
  }

  /** nextoffset: offset of the pool's next never-used block. */
  poolNextoffset(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | NEXTOFFSET] as number;
  }

  /** maxnextoffset: the largest offset a block of the pool can start at. */
  poolMaxnextoffset(pool: number): number {
    return this.pools[(pool << POOL_SHIFT) | MAXNEXTOFFSET] as number;
  }

  /** nfreepools of arena slot `arena`: its empty and never-used pools. */
  arNfreepools(arena: number): number {
    return this.arenas[(arena << ARENA_SHIFT) | NFREEPOOLS] as number;
  }

  /** ntotalpools of arena slot `arena`: 64, or 63 when it is not POOL_SIZE-aligned. */
  arNtotalpools(arena: number): number {
    return this.arenas[(arena << ARENA_SHIFT) | NTOTALPOOLS] as number;
  }

  /** freepools of arena slot `arena`: the most recently emptied pool, NIL for none. */
  arFreepools(arena: number): number {
    return this.arenas[(arena << ARENA_SHIFT) | FREEPOOLS] as number;
  }

  /** nextarena: the next arena on usable_arenas (or on unused_arena_objects). */
  arNext(arena: number): number {
    return this.arenas[(arena << ARENA_SHIFT) | NEXTARENA] as number;
  }

  /** prevarena: the previous arena on usable_arenas. */
  arPrev(arena: number): number {
    return this.arenas[(arena << ARENA_SHIFT) | PREVARENA] as number;
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

  /** INDEX2SIZE of the pool's size class. */
  blockSizeOf(pool: number): number {
    return (this.poolSzidx(pool) + 1) << this.shift;
  }

  /**
   * The carved pool containing `address`, or NIL when the address is in no live arena's carved pools
   * (or is not a whole number: no pointer is).
   */
  poolOf(address: number): number {
    if (typeof address !== "number") return NIL;
    // As in free: integer arithmetic on the address's low 32 bits when that decides.
    const d = address - this.tableBase;
    const rel = ((address | 0) - this.tableBaseLow) | 0;
    const page = rel >>> this.poolBits;
    const pageTable = this.pageTable;
    return rel >>> 0 === d && page < pageTable.length ? (pageTable[page] as number) : this.poolOfFar(d);
  }

  /** poolOf for an address `d` bytes from tableBase that is not a whole number of bytes below 4 GiB. */
  private poolOfFar(d: number): number {
    return d >= 0 && d < this.tableSpan && Number.isInteger(d)
      ? (this.pageTable[Math.floor(d * this.invPoolSize)] as number) // not `| 0`: the page may pass 2^31
      : NIL;
  }

  /** Is this word of block memory (pool * wordsPerPool + offset / ALIGNMENT) a handed-out block's first? */
  isLiveWord(word: number): boolean {
    return this.links[word] === LIVE_MARK;
  }

  /** Where a live pymalloc block is, or undefined for any other address. */
  locate(address: number): BlockLocation | undefined {
    const pool = this.poolOf(address);
    if (pool === NIL || !this.isLiveBlock(pool, address)) return undefined;
    return {
      arena: this.poolArena(pool),
      pool: this.poolIndex(pool),
      szidx: this.poolSzidx(pool),
      block: (address - this.poolAddress(pool) - this.overhead) / this.blockSizeOf(pool),
    };
  }

  /**
   * address_in_range: would CPython take this address for pymalloc's, by the profile's rule? From
   * 3.10 the radix tree says. Before, CPython reads arenaindex from the header of the pool the
   * address falls in (POOL_ADDR) and accepts the address when that arena object's mapping holds it.
   * A carved pool's header names its own arena. An uncarved page of a live arena was never written,
   * so it reads as zeros (fresh mmap) and names arena object 0: true only inside arena 0. Memory
   * outside every arena is not the model's to read; it is taken to name no live arena.
   */
  addressInRange(address: number): boolean {
    if (!isAddress(address)) return false;
    if (this.radix) return this.radix.isUsed(address);
    const pool = this.poolOf(address);
    let ao: number;
    if (pool !== NIL) ao = this.poolArena(pool);
    else if (this.space.slotOf(address) !== -1) ao = 0;
    else return false;
    const base = this.arAddress[ao] as number;
    // (uintptr_t)p - arenas[i].address < ARENA_SIZE, unsigned: an address below the arena fails too.
    return ao < this.maxarenas && base !== 0 && address >= base && address - base < this.arenaSize;
  }

  /** Is `address` the start of a handed-out block of `pool`? (LIVE marks only block starts.) */
  private isLiveBlock(pool: number, address: number): boolean {
    // An offset inside a pool fits in int32.
    const offset = (address - (this.poolBase[pool] as number)) | 0;
    return (
      (offset & this.alignMask) === 0 && this.isLiveWord((pool << this.wordsShift) | (offset >> this.shift))
    );
  }

  // ---------------------------------------------------------------- checks and raw fallback

  private checkSize(n: number): void {
    this.raw.checkSize(n);
  }

  private checkLiveBlock(pool: number, address: number, what: string): void {
    if (this.isLiveBlock(pool, address)) return;
    const offset = address - this.poolAddress(pool);
    const boundary = offset >= this.overhead && (offset - this.overhead) % this.blockSizeOf(pool) === 0;
    const carved = offset < this.poolNextoffset(pool);
    if (boundary && carved && this.poolSzidx(pool) !== DUMMY_SIZE_IDX) {
      throw new DoubleFreeError(`${what} of ${hex(address)}: the block was already freed`);
    }
    throw new ForeignPointerError(`${what} of ${hex(address)}: not the start of a block pymalloc handed out`);
  }

  private checkRaw(address: number, what: string): void {
    if (this.raw.owns(address)) return;
    if (!isAddress(address)) throw notAnAddress(what, address);
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
    this.listener?.({
      type,
      address,
      arena: this.poolArena(pool),
      pool: this.poolIndex(pool),
      szidx: this.poolSzidx(pool),
      block: (address - this.poolAddress(pool) - this.overhead) / this.blockSizeOf(pool),
    });
  }

  private emitPoolInit(pool: number, szidx: number, reused: boolean): void {
    this.listener?.({
      type: "pool-init",
      arena: this.poolArena(pool),
      pool: this.poolIndex(pool),
      szidx,
      reused,
    });
  }

  private emitPoolFull(pool: number): void {
    this.listener?.({ type: "pool-full", arena: this.poolArena(pool), pool: this.poolIndex(pool) });
  }

  private emitPoolEmpty(pool: number): void {
    this.listener?.({ type: "pool-empty", arena: this.poolArena(pool), pool: this.poolIndex(pool) });
  }
}
