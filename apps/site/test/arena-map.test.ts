// The arena map is drawn from the event trace alone; here it is held against the allocator's own view.
import { blocksPerPool, maxPoolsInArena, Pymalloc, profile } from "@pymem/core";
import { describe, expect, it } from "vitest";
import {
  type ArenaMap,
  applyEvent,
  arenaMapOfState,
  emptyMap,
  liveBlocks,
  renderArenaMap,
} from "../src/lib/pictures/arena-map.js";
import { EMPTIED_ARENAS, runArenaScenario } from "../src/lib/pictures/arena-scenario.js";

const text = { title: "t", description: "d", arena: (n: number) => `arena ${n}`, released: "released" };

describe.each(["3.11", "2.7", "3.9-32bit"])("the arena map on %s", (id) => {
  const s = runArenaScenario(id);

  it("counts the live blocks the allocator counts", () => {
    expect(liveBlocks(s.filled)).toBe(s.liveAfterFill);
    expect(liveBlocks(s.thinned)).toBe(s.liveAfterThin);
    expect(s.liveAfterThin).toBe(s.requests - s.freed);
  });

  it("shows every pool within its capacity, and arenas of at most the profile's pool count", () => {
    for (const a of s.filled.arenas) {
      expect(a.pools.length).toBeLessThanOrEqual(maxPoolsInArena(s.profile));
      for (const p of a.pools)
        if (p.touched) expect(p.used).toBeLessThanOrEqual(blocksPerPool(s.profile, p.szidx));
    }
  });

  it("shows the emptied arenas released, but one kept where the build keeps one", () => {
    expect(s.filled.arenas.length).toBeGreaterThanOrEqual(4);
    const kept = s.profile.arenaRelease === "keep-last-empty" ? 1 : 0;
    expect(s.thinned.counts["arena-free"] ?? 0).toBe(EMPTIED_ARENAS.length - kept);
    expect(s.thinned.arenas.filter((a) => a.released).length).toBe(EMPTIED_ARENAS.length - kept);
    const emptyButMapped = s.thinned.arenas.filter((a) => !a.released && a.pools.every((p) => p.used === 0));
    expect(emptyButMapped.length).toBe(kept);
  });

  it("renders an SVG with a title and a cell per pool", () => {
    const svg = renderArenaMap(s.thinned, s.profile, text, "m");
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    const pools = s.thinned.arenas.filter((a) => !a.released).reduce((n, a) => n + a.pools.length, 0);
    expect(svg.match(/class="map-(pool|unused)"/g)?.length).toBe(pools);
  });
});

describe("the arena map read from an allocator's state", () => {
  /** The event-built map without released arenas, in slot order: what the state still shows. */
  const live = (m: ArenaMap) => ({
    arenas: m.arenas.filter((a) => !a.released).sort((a, b) => a.slot - b.slot),
    counts: {},
  });

  it.each(["3.11", "3.7", "2.7", "3.12-32bit"])("equals the map built from the events on %s", (id) => {
    const pm = new Pymalloc(profile(id), { placement: { misalign: 4096 } });
    const events = emptyMap();
    pm.setListener((e) => applyEvent(events, e));
    const blocks: number[] = [];
    let x = 12345;
    for (let i = 0; i < 60_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const r = x >>> 8; // the LCG's low bits repeat quickly
      // Mostly allocations at first, then mostly frees; at the end everything is freed and arenas go.
      if (blocks.length > 0 && r % 100 < (i < 30_000 ? 30 : 80)) {
        const k = r % blocks.length;
        pm.free(blocks[k] as number);
        blocks[k] = blocks[blocks.length - 1] as number;
        blocks.pop();
      } else blocks.push(pm.malloc(1 + (r % 512)));
      if (i % 15_000 === 14_999) expect(arenaMapOfState(pm)).toEqual(live(events));
    }
    expect(liveBlocks(arenaMapOfState(pm))).toBe(blocks.length);
    for (const b of blocks) pm.free(b);
    expect(events.counts["arena-free"] ?? 0).toBeGreaterThan(0);
    expect(arenaMapOfState(pm)).toEqual(live(events));
  });
});
