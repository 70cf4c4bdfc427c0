// address_in_range: from 3.10 the radix tree (which addresses it calls "ours", and how many nodes it
// creates); before, the arena index read from the pool's header.
import { describe, expect, it } from "vitest";
import { checkInvariants, profile, RadixTree } from "../../src/index.js";
import { model } from "./helpers.js";

describe("radix tree", () => {
  it("marks an aligned arena with tail_hi = -1 and finds exactly its addresses", () => {
    const t = new RadixTree(profile("3.11"));
    const base = 0x1000_0000_0000;
    t.markUsed(base, true);
    expect([base, base + 12345, base + 2 ** 20 - 1].map((p) => t.isUsed(p))).toEqual([true, true, true]);
    expect([base - 1, base + 2 ** 20].map((p) => t.isUsed(p))).toEqual([false, false]);
    t.markUsed(base, false);
    expect(t.isUsed(base)).toBe(false);
  });

  it("covers a misaligned arena through two leaves (tail_hi and the next slot's tail_lo)", () => {
    const t = new RadixTree(profile("3.11"));
    const base = 0x1000_0000_0000 + 4096;
    t.markUsed(base, true);
    expect(t.isUsed(base)).toBe(true);
    expect(t.isUsed(base - 1)).toBe(false);
    expect(t.isUsed(base + 2 ** 20 - 1)).toBe(true);
    expect(t.isUsed(base + 2 ** 20)).toBe(false);
  });

  it("creates interior nodes on first use and never frees them", () => {
    const pm = model("3.11");
    const blocks = Array.from({ length: 4000 }, () => pm.malloc(512));
    expect(pm.radix?.midCount).toBe(1);
    expect(pm.radix?.botCount).toBe(1);
    for (const p of blocks) pm.free(p);
    expect(pm.radix?.botCount).toBe(1);
    checkInvariants(pm);
  });

  it("needs no interior nodes on 32-bit builds", () => {
    const pm = model("3.11-32bit");
    pm.malloc(8);
    expect(pm.radix?.midCount).toBe(0);
    expect(pm.radix?.botCount).toBe(0);
    expect(pm.addressInRange(pm.malloc(8))).toBe(true);
  });

  it("is absent before 3.10", () => {
    expect(model("3.9").radix).toBeUndefined();
  });
});

describe("address_in_range before 3.10: the arena index in the pool's header", () => {
  it.each(["3.9", "2.7", "3.8-32bit"])("%s", (id) => {
    const pm = model(id);
    const page = pm.poolSize;
    const blocks: number[] = [];
    while (pm.narenasCurrentlyAllocated < 2) blocks.push(pm.malloc(512));
    const inArena = (ao: number) => blocks.filter((b) => pm.locate(b)?.arena === ao);
    const [first0, first1] = [inArena(0)[0] as number, inArena(1)[0] as number];
    expect(pm.addressInRange(first0)).toBe(true);
    expect(pm.addressInRange(first1 + 100)).toBe(true); // inside a block: the header still names arena 1
    // An uncarved page reads as zeros, so it names arena 0: accepted in arena 0, not in arena 1.
    const uncarved = (ao: number) => pm.arPoolAddress[ao] as number;
    expect(uncarved(1) - (pm.arAddress[1] as number)).toBeLessThan(pm.arenaSize);
    expect(pm.addressInRange(uncarved(1) + 8)).toBe(false);
    expect(pm.addressInRange((pm.arAddress[0] as number) - page)).toBe(false); // outside every arena
    expect(pm.addressInRange(0)).toBe(false);
    // Once an arena is given back (3.9 keeps the last empty one), its addresses are not pymalloc's.
    const firsts = [first0, first1];
    for (const b of blocks) pm.free(b);
    const gone = [0, 1].filter((ao) => pm.arAddress[ao] === 0);
    expect(gone.length).toBeGreaterThanOrEqual(1);
    for (const ao of gone) expect(pm.addressInRange(firsts[ao] as number)).toBe(false);
  });

  it("reads the arena object's address, not the mapping slot's: objects are reused LIFO, slots lowest first", () => {
    const pm = model("2.7"); // every empty arena is given back
    const perArena = 64 * 7; // 64 pools of seven 512-byte blocks
    const fill = () => Array.from({ length: perArena }, () => pm.malloc(512));
    const [a0, a1] = [fill(), fill(), fill()] as number[][];
    for (const p of a0 as number[]) pm.free(p); // object 0, slot 0
    for (const p of a1 as number[]) pm.free(p); // object 1, slot 1
    const p = pm.malloc(8); // object 1 again (last freed), in slot 0 (lowest free)
    expect(pm.locate(p)?.arena).toBe(1);
    expect(pm.space.slotOf(p)).toBe(0);
    expect(pm.addressInRange(p)).toBe(true);
    // An uncarved page of it reads as zeros and names arena object 0, which is not mapped now.
    expect(pm.arAddress[0]).toBe(0);
    expect(pm.addressInRange((pm.arPoolAddress[1] as number) + 8)).toBe(false);
  });

  it("accepts an uncarved page of arena 0, whose zeros name arena 0", () => {
    const pm = model("3.9");
    const p = pm.malloc(8);
    const uncarved = pm.arPoolAddress[0] as number;
    expect(uncarved).toBe((pm.poolBase[pm.poolOf(p)] as number) + pm.poolSize);
    expect(pm.locate(uncarved + 48)).toBeUndefined();
    expect(pm.addressInRange(uncarved + 48)).toBe(true);
  });
});
