/*
 * A step-through program on the model's pymalloc (@pymem/core's Pymalloc): a few small requests and
 * frees, as C calls of PyObject_Malloc and PyObject_Free. After every call the picture shows each pool
 * the program touched: which size class it serves, which of its first blocks are in use (and by which
 * pointer), which are free, and its free list in the order pymalloc will hand the blocks out again.
 * Where a block went comes from the allocator's event trace (setListener); the free list is read from
 * the pool's own state, the way pymalloc_alloc reads it.
 */
import {
  type AllocatorEvent,
  type AllocatorProfile,
  blocksPerPool,
  Pymalloc,
  poolOverhead,
  profileForVersion,
} from "@pymem/core";
import type { Lang } from "../sections.js";
import { classColour } from "./arena-map.js";
import { esc, hexAddress, isEnglish, type StepFrame, type StepThrough } from "./steps.js";

/** One call of the program: `void *name = PyObject_Malloc(size);` or `PyObject_Free(name);`. */
export type PoolOp =
  | { readonly op: "malloc"; readonly name: string; readonly size: number }
  | { readonly op: "free"; readonly name: string };

/** Three blocks of one size class, the middle one freed and asked for again, then a second class, then two more frees. */
export const POOL_PROGRAM: readonly PoolOp[] = [
  { op: "malloc", name: "a", size: 24 },
  { op: "malloc", name: "b", size: 24 },
  { op: "malloc", name: "c", size: 24 },
  { op: "free", name: "b" },
  { op: "malloc", name: "d", size: 24 },
  { op: "malloc", name: "e", size: 100 },
  { op: "free", name: "a" },
  { op: "free", name: "c" },
];

export const poolSource = (op: PoolOp): string =>
  op.op === "malloc" ? `void *${op.name} = PyObject_Malloc(${op.size});` : `PyObject_Free(${op.name});`;

export type BlockState = "live" | "free" | "untouched";

export interface PoolView {
  readonly arena: number;
  /** The pool's index in its arena. */
  readonly pool: number;
  readonly szidx: number;
  readonly blockSize: number;
  readonly capacity: number;
  /** Blocks handed out (the pool header's ref.count). */
  readonly used: number;
  /** The first blocks of the pool, in address order. */
  readonly blocks: readonly {
    readonly state: BlockState;
    readonly address: number;
    readonly owner?: string;
  }[];
  /** The pool's free list, head first: block numbers. */
  readonly freeList: readonly number[];
}

export interface PointerView {
  readonly name: string;
  readonly address: number;
  /** Freed by the program (the pointer dangles). */
  readonly freed: boolean;
}

export interface PoolState {
  readonly pointers: readonly PointerView[];
  readonly pools: readonly PoolView[];
  /** The step's block-alloc or block-free event. */
  readonly event: Extract<AllocatorEvent, { type: "block-alloc" | "block-free" }>;
  /** Every event of the step, in order. */
  readonly events: readonly AllocatorEvent[];
}

/** Blocks drawn per pool (the rest of the pool is summed up): at least MIN, at most MAX. */
const MIN_BLOCKS = 6;
const MAX_BLOCKS = 10;

function poolView(
  pm: Pymalloc,
  arena: number,
  pool: number,
  shown: number,
  owners: Map<number, string>,
): PoolView {
  const node = pm.nodeOf(arena, pool);
  const szidx = pm.poolSzidx(node);
  const blockSize = pm.blockSizeOf(node);
  const overhead = poolOverhead(pm.profile);
  const base = pm.poolAddress(node);
  const nextoffset = pm.poolNextoffset(node);
  const word = (offset: number) => (node << pm.wordsShift) | (offset >> pm.shift);
  const freeList: number[] = [];
  for (let offset = pm.poolFreeblock(node); offset !== 0; offset = pm.links[word(offset)] as number) {
    freeList.push((offset - overhead) / blockSize);
    if (freeList.length > blocksPerPool(pm.profile, szidx)) throw new Error("the free list loops");
  }
  const blocks = Array.from({ length: Math.min(shown, blocksPerPool(pm.profile, szidx)) }, (_, i) => {
    const offset = overhead + i * blockSize;
    const address = base + offset;
    const state: BlockState = pm.isLiveWord(word(offset))
      ? "live"
      : offset < nextoffset
        ? "free"
        : "untouched";
    const owner = state === "live" ? owners.get(address) : undefined;
    return { state, address, ...(owner ? { owner } : {}) };
  });
  return {
    arena,
    pool,
    szidx,
    blockSize,
    capacity: blocksPerPool(pm.profile, szidx),
    used: pm.poolCount(node),
    blocks,
    freeList,
  };
}

// ------------------------------------------------------------------ drawing

const CELL_W = 60;
const CELL_H = 32;
const GAP = 6;
const LEFT = 76;
const TITLE_H = 18;
const ROW_H = 112;
const CHAIN_W = 58;

interface PoolText {
  readonly en: boolean;
  readonly title: string;
  readonly description: string;
}

function renderPools(
  pools: readonly PoolView[],
  rows: number,
  shown: number,
  text: PoolText,
  id: string,
): string {
  const en = text.en;
  const width = LEFT + shown * (CELL_W + GAP) + 110;
  const height = rows * ROW_H;
  const body = pools.map((p, r) => {
    const y0 = r * ROW_H;
    const cy = y0 + TITLE_H + 8;
    const title = en
      ? `arena ${p.arena}, pool ${p.pool}: size class ${p.szidx}, ${p.blockSize}-byte blocks, ${p.used} of ${p.capacity} in use`
      : `arena ${p.arena} 的池 ${p.pool}：尺寸类别 ${p.szidx}，${p.blockSize} 字节的块，${p.capacity} 块中 ${p.used} 块在用`;
    const parts = [
      `<rect x="0" y="${y0 + 4}" width="10" height="10" fill="${classColour(p.szidx)}"/>`,
      `<text x="16" y="${y0 + 13}" class="pool-title">${esc(title)}</text>`,
      `<text x="0" y="${cy + 20}" class="pool-label">${en ? "blocks" : "块"}</text>`,
    ];
    p.blocks.forEach((b, i) => {
      const x = LEFT + i * (CELL_W + GAP);
      const label =
        b.state === "live"
          ? (b.owner ?? (en ? "in use" : "在用"))
          : b.state === "free"
            ? en
              ? `free ${p.freeList.indexOf(i) + 1}`
              : `空闲 ${p.freeList.indexOf(i) + 1}`
            : "";
      parts.push(
        `<g class="pool-block pool-${b.state}"><rect x="${x}" y="${cy}" width="${CELL_W}" height="${CELL_H}" rx="3"/>` +
          (label
            ? `<text x="${x + CELL_W / 2}" y="${cy + 21}" text-anchor="middle">${esc(label)}</text>`
            : "") +
          `<text x="${x + CELL_W / 2}" y="${cy + CELL_H + 13}" text-anchor="middle" class="pool-index">${en ? "block" : "块"} ${i}</text></g>`,
      );
    });
    const more = p.capacity - p.blocks.length;
    if (more > 0)
      parts.push(
        `<text x="${LEFT + shown * (CELL_W + GAP)}" y="${cy + 21}" class="pool-label">… ${en ? `${more} more` : `还有 ${more} 块`}</text>`,
      );
    // The free list, head first: the order in which the next requests of this size class get blocks.
    const chainY = cy + CELL_H + 24;
    parts.push(`<text x="0" y="${chainY + 15}" class="pool-label">${en ? "free list" : "空闲链表"}</text>`);
    let x = LEFT;
    const fits = Math.floor((width - LEFT - 30) / (CHAIN_W + GAP + 12));
    p.freeList.slice(0, fits).forEach((block, k) => {
      const w = CHAIN_W;
      parts.push(
        `<line x1="${x - (k === 0 ? 18 : GAP + 12)}" y1="${chainY + 11}" x2="${x - 3}" y2="${chainY + 11}" class="pool-link" marker-end="url(#${id}-arrow)"/>`,
        `<g class="pool-chain"><rect x="${x}" y="${chainY}" width="${w}" height="22" rx="3"/><text x="${x + w / 2}" y="${chainY + 15}" text-anchor="middle">${en ? "block" : "块"} ${block}</text></g>`,
      );
      x += w + GAP + 12;
    });
    if (p.freeList.length > fits)
      parts.push(`<text x="${x - GAP - 8}" y="${chainY + 15}" class="pool-label">→ …</text>`);
    if (p.freeList.length === 0)
      parts.push(`<text x="${LEFT}" y="${chainY + 15}" class="pool-label">${en ? "empty" : "空"}</text>`);
    return parts.join("");
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="pool-picture">` +
    `<title id="${id}-t">${esc(text.title)}</title><desc id="${id}-d">${esc(text.description)}</desc>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" class="pool-arrow"/></marker></defs>` +
    body.join("") +
    "</svg>"
  );
}

function describePools(pools: readonly PoolView[], en: boolean): string {
  return pools
    .map((p) => {
      const blocks = p.blocks
        .map((b, i) =>
          en
            ? `block ${i} ${b.state === "live" ? `in use${b.owner ? ` by ${b.owner}` : ""}` : b.state === "free" ? "free" : "never used"}`
            : `块 ${i}${b.state === "live" ? `在用${b.owner ? `（${b.owner}）` : ""}` : b.state === "free" ? "空闲" : "从未使用"}`,
        )
        .join(en ? ", " : "，");
      const list = p.freeList.map((b) => (en ? `block ${b}` : `块 ${b}`)).join(en ? ", then " : "，然后是");
      return en
        ? `Pool ${p.pool} of arena ${p.arena}, ${p.blockSize}-byte blocks: ${blocks}. Free list: ${list || "empty"}.`
        : `arena ${p.arena} 的池 ${p.pool}，${p.blockSize} 字节的块：${blocks}。空闲链表：${list || "空"}。`;
    })
    .join(" ");
}

// ------------------------------------------------------------------ running

const size = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : `${bytes / 1024} KiB`);

function note(
  op: PoolOp,
  events: readonly AllocatorEvent[],
  reusedFrom: string | undefined,
  profile: AllocatorProfile,
  en: boolean,
): string {
  const block = events.find((e) => e.type === "block-alloc" || e.type === "block-free") as PoolState["event"];
  const bytes = (block.szidx + 1) * profile.alignment;
  if (op.op === "free") {
    const emptied = events.some((e) => e.type === "pool-empty");
    return en
      ? `Block ${block.block} of pool ${block.pool} goes to the front of the pool's free list: the next request for up to ${bytes} bytes gets it back first.${emptied ? " The pool has no block in use any more, so it goes back to its arena's free pools." : ""}`
      : `池 ${block.pool} 的块 ${block.block} 被放到池的空闲链表最前面：下一个不超过 ${bytes} 字节的请求会最先拿回它。${emptied ? "这个池已没有在用的块，于是回到所在 arena 的空闲池中。" : ""}`;
  }
  const arena = events.find((e) => e.type === "arena-alloc");
  const init = events.find((e) => e.type === "pool-init");
  const where = en
    ? `${op.size} bytes round up to size class ${block.szidx}, ${bytes}-byte blocks.`
    : `${op.size} 字节向上取整到尺寸类别 ${block.szidx}，即 ${bytes} 字节的块。`;
  const address = hexAddress(block.address);
  if (init && init.type === "pool-init") {
    const mapped = arena
      ? en
        ? `No arena is mapped yet: pymalloc maps arena ${init.arena} (${size(profile.arenaSize)}). `
        : `还没有映射任何 arena：pymalloc 先映射 arena ${init.arena}（${size(profile.arenaSize)}）。`
      : "";
    return en
      ? `${where} ${mapped}No pool serves this class yet, so pool ${init.pool} of arena ${init.arena} is given to it, and ${op.name} gets its block ${block.block}, at ${address}.`
      : `${where}${mapped}还没有池服务这个类别，于是 arena ${init.arena} 的池 ${init.pool} 分给了它，${op.name} 得到其中的块 ${block.block}，地址 ${address}。`;
  }
  if (reusedFrom !== undefined)
    return en
      ? `${where} The pool's free list starts with block ${block.block}, the block freed last: ${op.name} gets ${address}, the address ${reusedFrom} had.`
      : `${where}池的空闲链表以块 ${block.block} 开头，也就是最后释放的那个块：${op.name} 得到 ${address}，正是 ${reusedFrom} 原来的地址。`;
  return en
    ? `${where} Pool ${block.pool} already serves this class: ${op.name} gets the head of its free list, block ${block.block}, at ${address}.`
    : `${where}池 ${block.pool} 已经服务这个类别：${op.name} 得到其空闲链表的头一个块，块 ${block.block}，地址 ${address}。`;
}

/** Runs the program on the model's pymalloc of CPython `version` (64-bit) and draws every step. */
export function runPoolProgram(
  lang: Lang,
  version = "3.14",
  program: readonly PoolOp[] = POOL_PROGRAM,
): StepThrough<PoolState> {
  const en = isEnglish(lang);
  const profile = profileForVersion(version, 8);
  const pm = new Pymalloc(profile);
  let events: AllocatorEvent[] = [];
  pm.setListener((e) => events.push(e));
  const pointers = new Map<string, { address: number; freed: boolean }>();
  const pools: { arena: number; pool: number }[] = [];
  const source = program.map(poolSource);
  const steps: { views: PoolView[]; state: Omit<PoolState, "pools">; note: string; output: string[] }[] = [];
  let carved = 0;
  program.forEach((op) => {
    events = [];
    let reusedFrom: string | undefined;
    if (op.op === "malloc") {
      const address = pm.malloc(op.size);
      reusedFrom = [...pointers].find(([, p]) => p.freed && p.address === address)?.[0];
      pointers.set(op.name, { address, freed: false });
    } else {
      const p = pointers.get(op.name);
      if (!p || p.freed) throw new Error(`PyObject_Free(${op.name}): not a live pointer of the program`);
      pm.free(p.address);
      p.freed = true;
    }
    for (const e of events)
      if (e.type === "pool-init" && !pools.some((p) => p.arena === e.arena && p.pool === e.pool))
        pools.push({ arena: e.arena, pool: e.pool });
    const event = events.find(
      (e) => e.type === "block-alloc" || e.type === "block-free",
    ) as PoolState["event"];
    const owners = new Map([...pointers].filter(([, p]) => !p.freed).map(([name, p]) => [p.address, name]));
    // The pools' state is read now, with room to spare; how many blocks to draw is known after the last step.
    const views = pools.map((p) => poolView(pm, p.arena, p.pool, MAX_BLOCKS, owners));
    for (const v of views) carved = Math.max(carved, v.blocks.filter((b) => b.state !== "untouched").length);
    steps.push({
      views,
      state: {
        pointers: [...pointers].map(([name, p]) => ({ name, address: p.address, freed: p.freed })),
        event,
        events: [...events],
      },
      note: note(op, events, reusedFrom, profile, en),
      output: [...pointers].map(
        ([name, p]) =>
          `${name} = ${hexAddress(p.address)}${p.freed ? (en ? "  (freed)" : "（已释放）") : ""}`,
      ),
    });
  });
  pm.setListener(null);
  // Every block ever handed out, and one never used.
  const shown = Math.min(MAX_BLOCKS, Math.max(MIN_BLOCKS, carved + 1));
  const total = steps.length;
  const frames: StepFrame<PoolState>[] = steps.map((s, i) => {
    const views = s.views.map((v) => ({ ...v, blocks: v.blocks.slice(0, shown) }));
    const code = source[i] as string;
    return {
      lines: [i + 1, i + 1],
      code,
      note: s.note,
      svg: renderPools(
        views,
        pools.length,
        shown,
        {
          en,
          title: en
            ? `Step ${i + 1} of ${total}, after ${code}`
            : `第 ${i + 1} 步（共 ${total} 步），${code} 之后`,
          description: describePools(views, en),
        },
        `step-pool-${i + 1}`,
      ),
      output: s.output,
      state: { ...s.state, pools: views },
    };
  });
  return {
    id: "step-pool",
    title: en ? "pymalloc's blocks and free lists, step by step" : "逐步查看 pymalloc 的块与空闲链表",
    language: "c",
    source,
    build: en
      ? `${profile.label}, in the model`
      : `模型中的 ${profile.label.replace(" (64-bit)", "（64 位）")}`,
    outputLabel: en ? "The program's pointers" : "程序中的指针",
    frames,
  };
}
