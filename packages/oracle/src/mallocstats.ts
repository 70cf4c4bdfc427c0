/*
 * Reads the text of _PyObject_DebugMallocStats, as sys._debugmallocstats() prints it to stderr
 * (3.3+; the format is Objects/obmalloc.c's, unchanged in shape from 3.6 to 3.14):
 *
 *   Small block threshold = 512, in 32 size classes.
 *   class   size   num pools   blocks in use  avail blocks      <- one row per size class in use
 *   # arenas allocated total = ...   N arenas * S bytes/arena = ...   N unused pools * S bytes = ...
 *   # bytes lost to pool headers = ...   (3.10+) # bytes lost to arena map root/mid/bot = ...
 *
 * followed by the free-list lines of _PyObject_DebugTypeStats, which this parser ignores.
 */

export interface SizeClassRow {
  readonly sizeClass: number;
  /** bytes */
  readonly blockSize: number;
  readonly pools: number;
  readonly blocksInUse: number;
  readonly availableBlocks: number;
}

export interface MallocStats {
  /** bytes */
  readonly smallRequestThreshold: number;
  readonly sizeClassCount: number;
  readonly rows: readonly SizeClassRow[];
  readonly arenasAllocatedTotal: number;
  readonly arenasReclaimed: number;
  readonly arenasHighwater: number;
  readonly arenasCurrent: number;
  /** bytes */
  readonly arenaSize: number;
  /** bytes, read from the "N unused pools * S bytes" line */
  readonly poolSize: number;
  readonly unusedPools: number;
  /** bytes */
  readonly bytesLostToPoolHeaders: number;
  /** bytes */
  readonly bytesLostToArenaAlignment: number;
  /**
   * 3.10+: bytes of one radix-tree root, mid nodes in total, bottom nodes in total (0 on 32-bit
   * builds, whose map is the root alone); else undefined.
   */
  readonly arenaMap?: {
    readonly root: number;
    readonly mid: number;
    readonly bot: number;
    readonly midNodes: number;
    readonly botNodes: number;
  };
}

export class MallocStatsParseError extends Error {
  override name = "MallocStatsParseError";
}

const HEADER = /^Small block threshold = (\d+), in (\d+) size classes\.$/m;
const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
const VALUE = /^(.*?)\s*=\s*([\d,]+)\s*$/;
const ARENAS = /^(\d+) arenas \* (\d+) bytes\/arena$/;
const UNUSED = /^(\d+) unused pools \* (\d+) bytes$/;

export function parseMallocStats(text: string): MallocStats {
  const header = HEADER.exec(text);
  if (!header) throw new MallocStatsParseError("no 'Small block threshold' line: is pymalloc active?");
  const rows: SizeClassRow[] = [];
  const values = new Map<string, number>();
  let arenaSize: number | undefined;
  let poolSize: number | undefined;
  let unusedPools: number | undefined;
  for (const line of text.slice(header.index).split("\n")) {
    const row = ROW.exec(line);
    if (row) {
      const [c, s, p, u, a] = row.slice(1).map(Number) as [number, number, number, number, number];
      rows.push({ sizeClass: c, blockSize: s, pools: p, blocksInUse: u, availableBlocks: a });
      continue;
    }
    const kv = VALUE.exec(line);
    if (!kv) continue;
    const label = (kv[1] ?? "").trim();
    const value = Number((kv[2] ?? "").replaceAll(",", ""));
    const arenas = ARENAS.exec(label);
    const unused = UNUSED.exec(label);
    if (arenas) arenaSize = Number(arenas[2]);
    else if (unused) [unusedPools, poolSize] = [Number(unused[1]), Number(unused[2])];
    else if (!values.has(label)) values.set(label, value);
  }
  const need = (label: string): number => {
    const v = values.get(label);
    if (v === undefined) throw new MallocStatsParseError(`missing line "${label}"`);
    return v;
  };
  if (arenaSize === undefined || poolSize === undefined || unusedPools === undefined) {
    throw new MallocStatsParseError("missing the 'bytes/arena' or 'unused pools' line");
  }
  const root = values.get("# bytes lost to arena map root");
  return {
    smallRequestThreshold: Number(header[1]),
    sizeClassCount: Number(header[2]),
    rows,
    arenasAllocatedTotal: need("# arenas allocated total"),
    arenasReclaimed: need("# arenas reclaimed"),
    arenasHighwater: need("# arenas highwater mark"),
    arenasCurrent: need("# arenas allocated current"),
    arenaSize,
    poolSize,
    unusedPools,
    bytesLostToPoolHeaders: need("# bytes lost to pool headers"),
    bytesLostToArenaAlignment: need("# bytes lost to arena alignment"),
    ...(root === undefined
      ? {}
      : {
          // 32-bit builds map arenas with the root alone (no interior nodes: no mid or bot lines)
          arenaMap: values.has("# arena map mid nodes")
            ? {
                root,
                mid: need("# bytes lost to arena map mid"),
                bot: need("# bytes lost to arena map bot"),
                midNodes: need("# arena map mid nodes"),
                botNodes: need("# arena map bot nodes"),
              }
            : { root, mid: 0, bot: 0, midNodes: 0, botNodes: 0 },
        }),
  };
}

/** Runs sys._debugmallocstats() and returns what it wrote to stderr. */
export const DEBUG_MALLOC_STATS_SNIPPET = "import sys\nsys._debugmallocstats()\n";
