// The invariant checker notices what the fast paths rely on: the page table that finds a block's
// pool, and the live marks (in the blocks' first words) that refuse double frees.
import { describe, expect, it } from "vitest";
import { checkInvariants, InvariantViolation, LIVE } from "../../src/index.js";
import { model } from "./helpers.js";

describe("invariant checker", () => {
  it("accepts the page table and live marks the model keeps, arenas mapped and unmapped", () => {
    const pm = model("3.11", { placement: { misalign: 4096 } });
    const ps = Array.from({ length: 5000 }, (_, i) => pm.malloc(1 + (i % 512)));
    checkInvariants(pm);
    for (const p of ps) pm.free(p);
    checkInvariants(pm);
  });

  it("notices a page that names the wrong pool, or a pool no longer carved", () => {
    const pm = model();
    const p = pm.malloc(40);
    const page = (p - pm.tableBase) / pm.poolSize;
    const before = Math.floor(page);
    pm.pageTable[before] = (pm.pageTable[before] as number) + 1;
    expect(() => checkInvariants(pm)).toThrow(InvariantViolation);
    pm.pageTable[before] = (pm.pageTable[before] as number) - 1;
    checkInvariants(pm);
    pm.pageTable = Int32Array.from([...pm.pageTable, pm.pageTable[before] as number]); // an uncarved page
    expect(() => checkInvariants(pm)).toThrow(/page table maps 2 pages for 1 carved pools/);
  });

  it.each(["3.10", "3.11", "3.12-32bit"])(
    "%s: notices a radix-tree mark left where no arena lives, as after a freed arena",
    (id) => {
      const pm = model(id, { placement: { misalign: 4096 } });
      const ps = Array.from({ length: 3000 }, () => pm.malloc(500)); // more than one arena
      for (const p of ps) pm.free(p); // all but the last wholly free arena are given back
      checkInvariants(pm);
      const slots = Array.from({ length: pm.ntimesArenaAllocated }, (_, i) => pm.space.addressOfSlot(i));
      const freed = slots.find((address) => pm.space.slotOf(address) === -1) as number;
      expect(freed).toBeDefined();
      expect(pm.radix?.isUsed(freed)).toBe(false);
      pm.radix?.markUsed(freed, true);
      expect(() => checkInvariants(pm)).toThrow(/radix tree: the leaf of the slot at 0x/);
      pm.radix?.markUsed(freed, false);
      checkInvariants(pm);
    },
  );

  it("notices raw blocks that overlap (in the full pass)", () => {
    const pm = model();
    const big = pm.malloc(1000);
    checkInvariants(pm);
    const live = Reflect.get(pm.raw, "live") as Map<number, number>; // the raw allocator's own record
    live.set(big + 512, 8);
    expect(() => checkInvariants(pm)).toThrow(
      /raw blocks at 0x[0-9a-f]+ \(1000 bytes\) and 0x[0-9a-f]+ overlap/,
    );
    live.delete(big + 512);
    checkInvariants(pm);
  });

  it("deep-checks every pool it is pointed at, as after a realloc that moved", () => {
    const pm = model();
    const keep = pm.malloc(40); // keeps the old pool in use
    const old = pm.malloc(40);
    const moved = pm.realloc(old, 400);
    expect(pm.poolOf(moved)).not.toBe(pm.poolOf(old));
    const pool = pm.poolOf(keep);
    const word = pool * pm.wordsPerPool + (keep - (pm.poolBase[pool] as number)) / 16;
    pm.links[word + 1] = LIVE; // off a block start, in the old pool
    checkInvariants(pm, { focus: moved }); // looks at the new pool only
    expect(() => checkInvariants(pm, { focus: [moved, old] })).toThrow(/live mark off a block boundary/);
    pm.links[word + 1] = 0;
    checkInvariants(pm, { focus: [moved, old] });
  });

  it("notices a live mark off a block start, or a freed block still marked live", () => {
    const pm = model();
    const p = pm.malloc(40);
    const pool = pm.poolOf(p);
    const word = pool * pm.wordsPerPool + (p - (pm.poolBase[pool] as number)) / 16;
    pm.links[word + 1] = LIVE;
    expect(() => checkInvariants(pm, { focus: p })).toThrow(/live mark off a block boundary/);
    pm.links[word + 1] = 0;
    checkInvariants(pm, { focus: p });
    const q = pm.malloc(40);
    pm.free(q);
    pm.links[word + 3] = LIVE; // q's block, now on the free list
    expect(() => checkInvariants(pm, { focus: p })).toThrow(/is on the free list|live blocks but count/);
  });
});
