/*
 * The invariant checker: everything that must hold between two operations (the numbered list at
 * the top of pymalloc.ts), checked from the typed arrays alone. Cheap enough to run after every
 * operation when `focus` names the one pool the operation touched; without it every pool is
 * checked block by block.
 */
import { hex, ModelError } from "../errors.js";
import { DUMMY_SIZE_IDX, NIL, type Pymalloc } from "./pymalloc.js";
import { RadixTree } from "./radix-tree.js";
import { numBlocks } from "./stats.js";

export class InvariantViolation extends ModelError {
  override name = "InvariantViolation";
}

export interface CheckOptions {
  /**
   * Deep-check only the pools containing these addresses (the usual case after one operation: the
   * block's, and for a realloc that moved, the old block's too).
   */
  readonly focus?: number | readonly number[];
}

export function checkInvariants(pm: Pymalloc, options: CheckOptions = {}): void {
  const fail = (what: string): never => {
    throw new InvariantViolation(`${pm.profile.id}: ${what}`);
  };
  const onUsedList = checkUsedpools(pm, fail);
  const live = checkArenas(pm, fail);
  checkUsableArenas(pm, live, fail);
  checkPageTable(pm, live, fail);

  for (const a of live) {
    const carved = ((pm.arPoolAddress[a] as number) - (pm.arFirstPool[a] as number)) / pm.poolSize;
    const free = new Set<number>();
    for (let p = pm.arFreepools(a); p !== NIL; p = pm.poolNext(p)) {
      if (free.has(p)) fail(`arena ${a}: freepools list loops at pool ${pm.poolIndex(p)}`);
      free.add(p);
      if (pm.poolCount(p) !== 0)
        fail(`arena ${a}: pool ${pm.poolIndex(p)} on freepools has ${pm.poolCount(p)} blocks`);
    }
    const virgin = pm.arNtotalpools(a) - carved;
    if (pm.arNfreepools(a) !== free.size + virgin) {
      fail(`arena ${a}: nfreepools ${pm.arNfreepools(a)} but ${free.size} empty + ${virgin} uncarved pools`);
    }
    for (let k = 0; k < carved; k++) {
      const pool = pm.nodeOf(a, k);
      const count = pm.poolCount(pool);
      if (count === 0 && !free.has(pool)) fail(`arena ${a}: empty pool ${k} is not on freepools`);
      if (count > 0) {
        const sz = pm.poolSzidx(pool);
        const full = pm.poolFreeblock(pool) === 0;
        if (full && count !== numBlocks(pm, sz))
          fail(`arena ${a} pool ${k}: no free block but count ${count}`);
        if (!full && !onUsedList.has(pool))
          fail(`arena ${a} pool ${k}: has free blocks but is not on usedpools`);
        if (full && onUsedList.has(pool)) fail(`arena ${a} pool ${k}: full but on usedpools`);
      }
    }
  }

  if (options.focus !== undefined) {
    for (const address of typeof options.focus === "number" ? [options.focus] : options.focus) {
      const pool = pm.poolOf(address);
      if (pool !== NIL) checkPoolBlocks(pm, pool, fail);
    }
  } else {
    for (const a of live) {
      const carved = ((pm.arPoolAddress[a] as number) - (pm.arFirstPool[a] as number)) / pm.poolSize;
      for (let k = 0; k < carved; k++) checkPoolBlocks(pm, pm.nodeOf(a, k), fail);
    }
    checkRawBlocks(pm, fail);
  }
}

/** 5, for the raw allocator (checked in the full pass only): its live blocks do not overlap. */
function checkRawBlocks(pm: Pymalloc, fail: (what: string) => never): void {
  const blocks = pm.raw.liveBlocks();
  for (let i = 1; i < blocks.length; i++) {
    const [before, size] = blocks[i - 1] as [number, number];
    const [address] = blocks[i] as [number, number];
    if (before + size > address)
      fail(`raw blocks at ${hex(before)} (${size} bytes) and ${hex(address)} overlap`);
  }
}

/** 1: every pool on usedpools[c] has szidx c, some but not all blocks in use, and a free block. */
function checkUsedpools(pm: Pymalloc, fail: (w: string) => never): Set<number> {
  const seen = new Set<number>();
  for (let c = 0; c < pm.nbClasses; c++) {
    let prev = c;
    for (let p = pm.poolNext(c); p !== c; p = pm.poolNext(p)) {
      if (seen.has(p) || p < pm.nbClasses) fail(`usedpools[${c}] is corrupt at node ${p}`);
      seen.add(p);
      if (pm.poolPrev(p) !== prev) fail(`usedpools[${c}]: pool ${pm.poolIndex(p)} has a wrong prevpool`);
      if (pm.poolSzidx(p) !== c) fail(`usedpools[${c}]: pool of size class ${pm.poolSzidx(p)}`);
      const count = pm.poolCount(p);
      if (count <= 0 || count >= numBlocks(pm, c) + 1) fail(`usedpools[${c}]: pool with count ${count}`);
      if (pm.poolFreeblock(p) === 0) fail(`usedpools[${c}]: pool ${pm.poolIndex(p)} has no free block`);
      if (pm.arAddress[pm.poolArena(p)] === 0) fail(`usedpools[${c}]: pool of an unmapped arena`);
      prev = p;
    }
    if (pm.poolPrev(c) !== prev) fail(`usedpools[${c}]: the head's prevpool is not the last pool`);
  }
  return seen;
}

/** Arena objects, the unused list and the counters agree; returns the live arena slots. */
function checkArenas(pm: Pymalloc, fail: (w: string) => never): number[] {
  const live: number[] = [];
  for (let a = 0; a < pm.maxarenas; a++) if (pm.arAddress[a] !== 0) live.push(a);
  if (live.length !== pm.narenasCurrentlyAllocated) {
    fail(`${live.length} live arenas but narenas_currently_allocated is ${pm.narenasCurrentlyAllocated}`);
  }
  if (pm.space.mapped !== live.length) fail(`${pm.space.mapped} mappings for ${live.length} live arenas`);
  let unused = 0;
  for (let a = pm.unusedArenaObjects; a !== NIL; a = pm.arNext(a)) {
    if (pm.arAddress[a] !== 0) fail(`unused_arena_objects holds live arena ${a}`);
    if (++unused > pm.maxarenas) fail("unused_arena_objects loops");
  }
  if (unused + live.length !== pm.maxarenas)
    fail(`${unused} unused + ${live.length} live != ${pm.maxarenas} slots`);
  for (const a of live) {
    const address = pm.arAddress[a] as number;
    const expected = address % pm.poolSize === 0 ? pm.poolsPerArena : pm.poolsPerArena - 1;
    if (pm.arNtotalpools(a) !== expected)
      fail(`arena ${a}: ${pm.arNtotalpools(a)} pools, expected ${expected}`);
    if (pm.radix) {
      const inside = [address, address + pm.arenaSize - 1];
      const outside = [address - 1, address + pm.arenaSize];
      if (!inside.every((p) => pm.radix?.isUsed(p))) fail(`radix tree: arena ${a} is not marked used`);
      if (outside.some((p) => pm.radix?.isUsed(p))) fail(`radix tree: used beyond arena ${a}`);
    }
  }
  if (pm.radix) {
    // 6, exactly: the leaves are those a tree would have that only the live arenas were marked in,
    // so a mark left behind by a freed arena is caught too.
    const expected = new RadixTree(pm.profile);
    for (const a of live) expected.markUsed(pm.arAddress[a] as number, true);
    const difference = pm.radix.leafDifference(expected);
    if (difference !== undefined) fail(`radix tree: ${difference}`);
  }
  return live;
}

/** 3, 4: usable_arenas is exactly the arenas with free pools, sorted, and nfp2lasta points at each run's end. */
function checkUsableArenas(pm: Pymalloc, live: number[], fail: (w: string) => never): void {
  const order: number[] = [];
  let prev = NIL;
  for (let a = pm.usableArenas; a !== NIL; a = pm.arNext(a)) {
    if (order.length > pm.maxarenas) fail("usable_arenas loops");
    if (pm.arPrev(a) !== prev) fail(`usable_arenas: arena ${a} has a wrong prevarena`);
    if (pm.arAddress[a] === 0) fail(`usable_arenas holds unmapped arena ${a}`);
    if (prev !== NIL && pm.arNfreepools(prev) > pm.arNfreepools(a)) {
      fail(`usable_arenas is not sorted: ${pm.arNfreepools(prev)} free pools before ${pm.arNfreepools(a)}`);
    }
    order.push(a);
    prev = a;
  }
  const withFree = live.filter((a) => pm.arNfreepools(a) > 0);
  if (withFree.length !== order.length || withFree.some((a) => !order.includes(a))) {
    fail(`usable_arenas holds [${order}] but arenas with free pools are [${withFree}]`);
  }
  if (pm.profile.arenaReordering !== "nfp2lasta") return;
  for (let n = 1; n <= pm.poolsPerArena; n++) {
    const last = order.filter((a) => pm.arNfreepools(a) === n).at(-1) ?? NIL;
    if (pm.nfp2lasta[n] !== last)
      fail(`nfp2lasta[${n}] is ${pm.nfp2lasta[n]}, the last such arena is ${last}`);
  }
}

/** 7: the page table maps each carved pool of a live arena's page to its node, and nothing else. */
function checkPageTable(pm: Pymalloc, live: number[], fail: (w: string) => never): void {
  let carvedPools = 0;
  for (const a of live) {
    const first = pm.arFirstPool[a] as number;
    const carved = ((pm.arPoolAddress[a] as number) - first) / pm.poolSize;
    for (let k = 0; k < carved; k++) {
      const address = first + k * pm.poolSize;
      const node = pm.nodeOf(a, k);
      const page = (address - pm.tableBase) / pm.poolSize;
      if (pm.pageTable[page] !== node)
        fail(`page table: arena ${a} pool ${k} is at node ${pm.pageTable[page]}`);
      if (pm.poolBase[node] !== address) fail(`arena ${a} pool ${k}: poolBase is ${pm.poolBase[node]}`);
      carvedPools++;
    }
  }
  const mapped = pm.pageTable.reduce((n, node) => (node === NIL ? n : n + 1), 0);
  if (mapped !== carvedPools) fail(`page table maps ${mapped} pages for ${carvedPools} carved pools`);
}

/** 5: the pool's free list, virgin blocks and live blocks partition its NUMBLOCKS blocks. */
function checkPoolBlocks(pm: Pymalloc, pool: number, fail: (w: string) => never): void {
  const sz = pm.poolSzidx(pool);
  if (sz === DUMMY_SIZE_IDX) fail(`pool ${pm.poolIndex(pool)} was carved but never initialised`);
  const size = (sz + 1) << pm.shift;
  const base = pool * pm.wordsPerPool;
  const nextoffset = pm.poolNextoffset(pool);
  const where = `arena ${pm.poolArena(pool)} pool ${pm.poolIndex(pool)}`;
  const isBlock = (off: number) => off >= pm.overhead && (off - pm.overhead) % size === 0 && off < nextoffset;
  let liveCount = 0;
  for (let off = pm.overhead; off < nextoffset && off + size <= pm.poolSize; off += size) {
    if (pm.isLiveWord(base + (off >> pm.shift))) liveCount++;
  }
  for (let w = 0; w < pm.wordsPerPool; w++) {
    if (pm.isLiveWord(base + w) && !isBlock(w << pm.shift)) fail(`${where}: live mark off a block boundary`);
  }
  if (liveCount !== pm.poolCount(pool))
    fail(`${where}: ${liveCount} live blocks but count ${pm.poolCount(pool)}`);
  const onFreeList = new Set<number>();
  for (let off = pm.poolFreeblock(pool); off !== 0; off = pm.links[base + (off >> pm.shift)] as number) {
    if (!isBlock(off)) fail(`${where}: free list points at offset ${off}, not a carved block`);
    if (onFreeList.has(off)) fail(`${where}: free list loops at offset ${off}`);
    if (pm.isLiveWord(base + (off >> pm.shift)))
      fail(`${where}: live block at offset ${off} is on the free list`);
    onFreeList.add(off);
  }
  const maxnext = pm.poolMaxnextoffset(pool);
  const virgin = nextoffset <= maxnext ? Math.floor((maxnext - nextoffset) / size) + 1 : 0;
  if (liveCount + onFreeList.size + virgin !== numBlocks(pm, sz)) {
    fail(
      `${where}: ${liveCount} live + ${onFreeList.size} free + ${virgin} virgin != ${numBlocks(pm, sz)} blocks`,
    );
  }
}
