// pymalloc_alloc, pymalloc_pool_extend, allocate_from_new_pool and pymalloc_free, step by step.
import { describe, expect, it } from "vitest";
import { blocksPerPool, checkInvariants, DUMMY_SIZE_IDX, poolOverhead } from "../../src/index.js";
import { fillPool, model, where } from "./helpers.js";

describe("carving a pool", () => {
  it("hands out block 0 at pool + POOL_OVERHEAD, then the next blocks in ascending order", () => {
    const pm = model("3.11");
    const [a, b, c] = [pm.malloc(20), pm.malloc(32), pm.malloc(17)];
    expect(where(pm, a)).toEqual({ arena: 0, pool: 0, szidx: 1, block: 0 });
    expect(b - a).toBe(32);
    expect(c - b).toBe(32);
    expect(a % pm.poolSize).toBe(poolOverhead(pm.profile));
  });

  it("initialises a pool with block 1 as a one-element free list and nextoffset at block 2", () => {
    const pm = model("3.11");
    pm.malloc(48);
    const pool = pm.nodeOf(0, 0);
    expect(pm.poolFreeblock(pool)).toBe(48 + 48);
    expect(pm.poolNextoffset(pool)).toBe(48 + 2 * 48);
    expect(pm.poolMaxnextoffset(pool)).toBe(pm.poolSize - 48);
  });

  it("unlinks a full pool from usedpools and opens a new pool for the next request", () => {
    const pm = model("3.11");
    const blocks = fillPool(pm, 512);
    expect(blocks).toHaveLength(blocksPerPool(pm.profile, 31));
    expect(pm.poolNext(31)).toBe(31); // the class's list is empty again
    expect(where(pm, pm.malloc(512)).pool).toBe(1);
    checkInvariants(pm);
  });

  it("gives each size class its own pool", () => {
    const pm = model("3.9");
    const pools = [1, 17, 33, 500].map((n) => where(pm, pm.malloc(n)).pool);
    expect(pools).toEqual([0, 1, 2, 3]);
  });
});

describe("free lists (LIFO)", () => {
  it("reuses the block just freed for the next request of the same class", () => {
    const pm = model("3.11");
    const a = pm.malloc(40);
    pm.malloc(40);
    pm.free(a);
    expect(pm.malloc(33)).toBe(a); // any request of the 33..48 class
  });

  it("threads the free list through the freed blocks themselves", () => {
    const pm = model("3.11");
    const [a, b, c] = [pm.malloc(16), pm.malloc(16), pm.malloc(16)];
    pm.malloc(16);
    pm.free(a);
    pm.free(c);
    pm.free(b);
    expect([pm.malloc(16), pm.malloc(16), pm.malloc(16)]).toEqual([b, c, a]);
  });

  it("puts a pool that was full at the head of usedpools when a block is freed", () => {
    const pm = model("3.11");
    const first = fillPool(pm, 256);
    const second = pm.malloc(256); // opens pool 1, now the head
    pm.free(first[7] as number); // pool 0 was full: it becomes the head again
    expect(pm.malloc(256)).toBe(first[7]);
    expect(where(pm, second).pool).toBe(1);
  });
});

describe("allocate_from_new_pool", () => {
  it("reuses emptied pools, most recently emptied first, before carving new ones", () => {
    const pm = model("3.11");
    const p0 = pm.malloc(16);
    const p1 = pm.malloc(32);
    const p2 = pm.malloc(48);
    pm.free(p0); // pool 0 empty
    pm.free(p2); // pool 2 empty, pushed after pool 0: LIFO gives pool 2 first
    expect(where(pm, pm.malloc(64)).pool).toBe(2);
    expect(where(pm, pm.malloc(80)).pool).toBe(0);
    expect(where(pm, pm.malloc(96)).pool).toBe(3);
    void p1;
  });

  it("skips re-initialisation when a pool comes back to its old size class", () => {
    const pm = model("3.11");
    const [a, b, c] = [pm.malloc(64), pm.malloc(64), pm.malloc(64)];
    pm.free(b);
    pm.free(a);
    pm.free(c); // pool empty; its free list is c -> a -> b -> (virgin)
    expect(pm.poolSzidx(pm.nodeOf(0, 0))).toBe(3);
    expect([pm.malloc(64), pm.malloc(64), pm.malloc(64)]).toEqual([c, a, b]);
  });

  it("re-initialises a pool taken by another size class (block 0 again)", () => {
    const pm = model("3.11");
    const a = pm.malloc(64);
    pm.malloc(64);
    pm.free(pm.malloc(16)); // pool 1 for class 0, emptied at once
    const x = pm.malloc(100); // class 6 reuses pool 1
    expect(where(pm, x)).toEqual({ arena: 0, pool: 1, szidx: 6, block: 0 });
    void a;
  });

  it("re-initialises pools of a remapped arena (carved pools start at DUMMY_SIZE_IDX)", () => {
    const pm = model("3.8"); // 3.8 unmaps every empty arena
    const blocks = Array.from({ length: 64 * 7 }, () => pm.malloc(512)); // one full arena of class 31
    for (const p of blocks) pm.free(p);
    expect(pm.narenasCurrentlyAllocated).toBe(0);
    // The arena object's slot comes back with stale pool headers (szidx 31, a free list); the fresh
    // mapping must not trust them: the first block handed out is block 0 of a re-initialised pool.
    expect(pm.poolSzidx(pm.nodeOf(0, 0))).toBe(31);
    expect(where(pm, pm.malloc(512))).toEqual({ arena: 0, pool: 0, szidx: 31, block: 0 });
    expect(DUMMY_SIZE_IDX).not.toBe(31);
    checkInvariants(pm);
  });
});

describe("arenas", () => {
  it("has 64 usable pools on a POOL_SIZE-aligned arena and 63 otherwise", () => {
    const aligned = model("3.11");
    aligned.malloc(1);
    const misaligned = model("3.11", { placement: { misalign: 4096 } });
    misaligned.malloc(1);
    expect(aligned.arNtotalpools(0)).toBe(64);
    expect(misaligned.arNtotalpools(0)).toBe(63);
    expect(misaligned.arFirstPool[0] as number).toBe((misaligned.arAddress[0] as number) + 16384 - 4096);
    // 4 KiB pools are always page-aligned, so the same placement loses nothing on 3.9.
    const old = model("3.9", { placement: { misalign: 4096 } });
    old.malloc(1);
    expect(old.arNtotalpools(0)).toBe(64);
  });

  it("grows the arenas vector 16, 32, 64 and reuses freed arena objects LIFO", () => {
    const pm = model("3.8"); // 256 KiB arenas; 3.8 unmaps every empty arena
    const perArena = 64 * 7; // 64 pools of seven 512-byte blocks fill one arena
    const arenas: number[][] = [];
    const fillArena = () => Array.from({ length: perArena }, () => pm.malloc(512));
    for (let i = 0; i < 16; i++) arenas.push(fillArena());
    expect(pm.maxarenas).toBe(16);
    arenas.push(fillArena());
    expect(pm.maxarenas).toBe(32);
    expect(pm.narenasCurrentlyAllocated).toBe(17);
    expect(arenas.map((blocks) => where(pm, blocks[0] as number).arena)).toEqual([...Array(17).keys()]);
    for (const p of arenas[3] as number[]) pm.free(p);
    for (const p of arenas[5] as number[]) pm.free(p);
    expect(pm.narenasCurrentlyAllocated).toBe(15);
    expect(where(pm, fillArena()[0] as number).arena).toBe(5);
    expect(where(pm, fillArena()[0] as number).arena).toBe(3);
    for (let i = 17; i < 32; i++) fillArena();
    expect(pm.maxarenas).toBe(32);
    expect(where(pm, fillArena()[0] as number).arena).toBe(32);
    expect(pm.maxarenas).toBe(64);
    checkInvariants(pm);
  });

  it("takes new pools from the arena with the fewest free pools", () => {
    const pm = model("3.9");
    const fill = () => Array.from({ length: 64 * 7 }, () => pm.malloc(512)); // one arena of 512-byte blocks
    const a0 = fill();
    const a1 = fill();
    const a2 = fill();
    // Empty 10 pools of arena 0 and 5 of arena 1 (7 blocks each).
    for (const p of a0.slice(0, 70)) pm.free(p);
    for (const p of a1.slice(0, 35)) pm.free(p);
    expect(where(pm, pm.malloc(16)).arena).toBe(1);
    void a2;
    checkInvariants(pm);
  });
});
