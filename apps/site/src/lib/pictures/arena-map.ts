/*
 * The arena / pool / block map, built from nothing but pymalloc's event trace (@pymem/core's
 * setListener): which arenas are mapped or were released, which size class each pool serves, and how
 * many of its blocks are in use. Rendered as an SVG at build time, so it needs no script to be seen.
 */
import {
  type AllocatorEvent,
  type AllocatorProfile,
  blockSize,
  blocksPerPool,
  type Pymalloc,
} from "@pymem/core";

export interface PoolState {
  szidx: number;
  used: number;
  /** Has been carved for a size class at least once. */
  touched: boolean;
}

export interface ArenaState {
  readonly slot: number;
  readonly pools: PoolState[];
  released: boolean;
}

export interface ArenaMap {
  readonly arenas: ArenaState[];
  /** Events seen, by type. */
  readonly counts: Record<string, number>;
}

export function emptyMap(): ArenaMap {
  return { arenas: [], counts: {} };
}

export function applyEvent(map: ArenaMap, e: AllocatorEvent): void {
  map.counts[e.type] = (map.counts[e.type] ?? 0) + 1;
  const arenaOf = (slot: number) => map.arenas.find((a) => a.slot === slot && !a.released);
  switch (e.type) {
    case "arena-alloc":
      map.arenas.push({
        slot: e.arena,
        pools: Array.from({ length: e.pools }, () => ({ szidx: -1, used: 0, touched: false })),
        released: false,
      });
      break;
    case "arena-free": {
      const a = arenaOf(e.arena);
      if (a) a.released = true;
      break;
    }
    case "pool-init": {
      const p = arenaOf(e.arena)?.pools[e.pool];
      if (p) {
        p.szidx = e.szidx;
        p.touched = true;
      }
      break;
    }
    case "block-alloc":
    case "block-free": {
      const p = arenaOf(e.arena)?.pools[e.pool];
      if (p) p.used += e.type === "block-alloc" ? 1 : -1;
      break;
    }
    default:
      break;
  }
}

/**
 * The map of an allocator as it is now, read from its state rather than its events: its mapped arenas
 * (released ones are gone from the state), each carved pool with its size class and blocks in use.
 * For heaps the site did not watch from the start, such as the ones a reader's spec makes.
 */
export function arenaMapOfState(pm: Pymalloc): ArenaMap {
  const arenas: ArenaState[] = [];
  for (let slot = 0; slot < pm.maxarenas; slot++) {
    if (pm.arAddress[slot] === 0) continue;
    const first = pm.arFirstPool[slot] as number;
    const carved = ((pm.arPoolAddress[slot] as number) - first) / pm.poolSize;
    const pools = Array.from({ length: pm.arNtotalpools(slot) }, (_, k): PoolState => {
      if (k >= carved) return { szidx: -1, used: 0, touched: false };
      const node = pm.nodeOf(slot, k);
      return { szidx: pm.poolSzidx(node), used: pm.poolCount(node), touched: true };
    });
    arenas.push({ slot, pools, released: false });
  }
  return { arenas, counts: {} };
}

export function cloneMap(map: ArenaMap): ArenaMap {
  return {
    arenas: map.arenas.map((a) => ({ ...a, pools: a.pools.map((p) => ({ ...p })) })),
    counts: { ...map.counts },
  };
}

/** Live blocks on the map (for checks against the allocator's own count). */
export function liveBlocks(map: ArenaMap): number {
  return map.arenas
    .filter((a) => !a.released)
    .reduce((n, a) => n + a.pools.reduce((m, p) => m + p.used, 0), 0);
}

const CELL = 9;
const GAP = 1;
const ROW = 26;
const LABEL = 64;

/** A size class's colour: hues a golden angle apart, so any few classes look different. */
export function classColour(szidx: number): string {
  return `hsl(${Math.round((szidx * 137.508) % 360)} 65% 45%)`;
}

const esc = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export interface MapText {
  readonly title: string;
  readonly description: string;
  readonly arena: (slot: number) => string;
  readonly released: string;
}

/** The map as an SVG: one row per arena, one cell per pool, filled as far as its blocks are in use. */
export function renderArenaMap(map: ArenaMap, profile: AllocatorProfile, text: MapText, id: string): string {
  const widest = Math.max(...map.arenas.map((a) => a.pools.length), 1);
  const width = LABEL + widest * (CELL + GAP);
  const height = map.arenas.length * ROW + 4;
  const rows = map.arenas.map((a, row) => {
    const y = row * ROW + 2;
    const label = `<text x="0" y="${y + 14}" class="map-label">${esc(text.arena(a.slot))}</text>`;
    if (a.released) {
      const w = a.pools.length * (CELL + GAP) - GAP;
      return `${label}<rect x="${LABEL}" y="${y}" width="${w}" height="20" class="map-released"/><text x="${LABEL + 6}" y="${y + 14}" class="map-released-text">${esc(text.released)}</text>`;
    }
    const cells = a.pools.map((p, i) => {
      const x = LABEL + i * (CELL + GAP);
      if (!p.touched) return `<rect x="${x}" y="${y}" width="${CELL}" height="20" class="map-unused"/>`;
      const capacity = blocksPerPool(profile, p.szidx);
      const h = p.used === 0 ? 0 : Math.max(1, Math.round((20 * p.used) / capacity));
      const colour = classColour(p.szidx);
      const tip = `${blockSize(profile, p.szidx)} B: ${p.used}/${capacity}`;
      return (
        `<g><title>${tip}</title><rect x="${x}" y="${y}" width="${CELL}" height="20" fill="none" stroke="${colour}" class="map-pool"/>` +
        (h > 0 ? `<rect x="${x}" y="${y + 20 - h}" width="${CELL}" height="${h}" fill="${colour}"/>` : "") +
        "</g>"
      );
    });
    return label + cells.join("");
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="arena-map">` +
    `<title id="${id}-t">${esc(text.title)}</title><desc id="${id}-d">${esc(text.description)}</desc>` +
    rows.join("") +
    "</svg>"
  );
}
