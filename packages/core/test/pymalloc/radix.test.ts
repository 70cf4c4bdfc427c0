// The 3.10+ radix tree: which addresses it calls "ours", and how many nodes it creates.
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
