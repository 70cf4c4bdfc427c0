/*
 * _PyObject_DebugMallocStats, character for character (Objects/obmalloc.c, 3.6 – 3.14: the same
 * lines; the radix-tree section exists from 3.10), and sys.getallocatedblocks().
 *
 * The walk is CPython's: every live arena in slot order; in each, every carved pool from the first
 * POOL_SIZE-aligned address up to pool_address; pools with no live block are skipped (they are
 * counted among the "unused pools" through their arena's nfreepools instead).
 */
import { radixNodeBytes } from "../profiles/geometry.js";
import type { Pymalloc } from "./pymalloc.js";

export interface SizeClassUsage {
  readonly szidx: number;
  /** bytes */
  readonly blockSize: number;
  readonly pools: number;
  readonly blocksInUse: number;
  readonly availableBlocks: number;
}

/** Per size class usage over all used pools, as the stats walk computes it (classes with no pool left out). */
export function sizeClassUsage(pm: Pymalloc): SizeClassUsage[] {
  const pools = new Array<number>(pm.nbClasses).fill(0);
  const blocks = new Array<number>(pm.nbClasses).fill(0);
  const free = new Array<number>(pm.nbClasses).fill(0);
  forEachUsedPool(pm, (pool) => {
    const sz = pm.poolSzidx(pool);
    const count = pm.poolCount(pool);
    pools[sz] = (pools[sz] as number) + 1;
    blocks[sz] = (blocks[sz] as number) + count;
    free[sz] = (free[sz] as number) + numBlocks(pm, sz) - count;
  });
  const out: SizeClassUsage[] = [];
  for (let sz = 0; sz < pm.nbClasses; sz++) {
    if (pools[sz] === 0) continue;
    out.push({
      szidx: sz,
      blockSize: (sz + 1) << pm.shift,
      pools: pools[sz] as number,
      blocksInUse: blocks[sz] as number,
      availableBlocks: free[sz] as number,
    });
  }
  return out;
}

/** The text _PyObject_DebugMallocStats writes (sys._debugmallocstats() adds free-list lines after it). */
export function debugMallocStats(pm: Pymalloc): string {
  const lines: string[] = [];
  lines.push(`Small block threshold = ${pm.threshold}, in ${pm.nbClasses} size classes.`, "");
  lines.push("class   size   num pools   blocks in use  avail blocks");
  lines.push("-----   ----   ---------   -------------  ------------");
  let allocated = 0;
  let available = 0;
  let headers = 0;
  let quantization = 0;
  for (const u of sizeClassUsage(pm)) {
    lines.push(
      `${pad(u.szidx, 5)} ${pad(u.blockSize, 6)} ${pad(u.pools, 11)} ${pad(u.blocksInUse, 15)} ${pad(u.availableBlocks, 13)}`,
    );
    allocated += u.blocksInUse * u.blockSize;
    available += u.availableBlocks * u.blockSize;
    headers += u.pools * pm.overhead;
    quantization += u.pools * ((pm.poolSize - pm.overhead) % u.blockSize);
  }
  let narenas = 0;
  let unusedPools = 0;
  let alignment = 0;
  for (let a = 0; a < pm.maxarenas; a++) {
    const address = pm.arAddress[a] as number;
    if (address === 0) continue;
    narenas++;
    unusedPools += pm.arNfreepools(a);
    if (address % pm.poolSize !== 0) alignment += pm.poolSize;
  }
  lines.push("");
  lines.push(printone("# arenas allocated total", pm.ntimesArenaAllocated));
  lines.push(printone("# arenas reclaimed", pm.ntimesArenaAllocated - narenas));
  lines.push(printone("# arenas highwater mark", pm.narenasHighwater));
  lines.push(printone("# arenas allocated current", narenas));
  lines.push(printone(`${narenas} arenas * ${pm.arenaSize} bytes/arena`, narenas * pm.arenaSize));
  lines.push("");
  const parts: [string, number][] = [
    ["# bytes in allocated blocks", allocated],
    ["# bytes in available blocks", available],
    [`${unusedPools} unused pools * ${pm.poolSize} bytes`, unusedPools * pm.poolSize],
    ["# bytes lost to pool headers", headers],
    ["# bytes lost to quantization", quantization],
    ["# bytes lost to arena alignment", alignment],
  ];
  for (const [label, value] of parts) lines.push(printone(label, value));
  lines.push(
    printone(
      "Total",
      parts.reduce((t, [, v]) => t + v, 0),
    ),
  );
  const radix = radixNodeBytes(pm.profile);
  if (radix && pm.radix) {
    lines.push("", "arena map counts");
    const interior = radix.mid > 0;
    if (interior) {
      lines.push(printone("# arena map mid nodes", pm.radix.midCount));
      lines.push(printone("# arena map bot nodes", pm.radix.botCount));
      lines.push("");
    }
    lines.push(printone("# bytes lost to arena map root", radix.root));
    if (interior) {
      const mid = radix.mid * pm.radix.midCount;
      const bot = radix.bot * pm.radix.botCount;
      lines.push(printone("# bytes lost to arena map mid", mid));
      lines.push(printone("# bytes lost to arena map bot", bot));
      lines.push(printone("Total", radix.root + mid + bot));
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * sys.getallocatedblocks(): blocks currently allocated through PyObject_Malloc and friends, pymalloc's
 * (the pools' counts) plus those it passed to the raw allocator.
 */
export function allocatedBlocks(pm: Pymalloc): number {
  let n = pm.rawAllocatedBlocks;
  forEachUsedPool(pm, (pool) => {
    n += pm.poolCount(pool);
  });
  return n;
}

/** Calls fn with the node id of every carved pool that has live blocks, in CPython's walk order. */
export function forEachUsedPool(pm: Pymalloc, fn: (pool: number) => void): void {
  for (let a = 0; a < pm.maxarenas; a++) {
    if (pm.arAddress[a] === 0) continue;
    const carved = ((pm.arPoolAddress[a] as number) - (pm.arFirstPool[a] as number)) / pm.poolSize;
    for (let k = 0; k < carved; k++) {
      const pool = pm.nodeOf(a, k);
      if (pm.poolCount(pool) !== 0) fn(pool);
    }
  }
}

/** NUMBLOCKS(sz) */
export function numBlocks(pm: Pymalloc, sz: number): number {
  return Math.floor((pm.poolSize - pm.overhead) / ((sz + 1) << pm.shift));
}

/** printone: the label padded to 35 columns, '=', the value with thousands commas right-aligned in 21. */
export function printone(label: string, value: number): string {
  const digits = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${label.padEnd(35)}=${digits.padStart(21)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
