// Misuse raises a typed error naming the problem and leaves the model exactly as it was.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ARENA_REGION_END,
  allocatedBlocks,
  BadPlacementError,
  BadSizeError,
  checkInvariants,
  DEFAULT_ARENA_BASE,
  DoubleFreeError,
  debugMallocStats,
  ForeignPointerError,
  OutOfMemoryError,
  type Pymalloc,
  RAW_CHUNK_LIMIT,
  RAW_HEAP_LIMIT,
  RawAllocator,
} from "../../src/index.js";
import { model, snapshot } from "./helpers.js";

/**
 * Runs `misuse`, expects `error`, and checks that nothing changed: the whole state (see snapshot),
 * and so the stats, counts and invariants.
 */
function expectIntact(
  pm: Pymalloc,
  misuse: () => unknown,
  error: new (...args: never[]) => Error,
  message?: RegExp,
) {
  const before = debugMallocStats(pm);
  const state = snapshot(pm);
  const blocks = allocatedBlocks(pm);
  const raw = pm.raw.stats();
  expect(misuse).toThrow(error);
  if (message) expect(misuse).toThrow(message);
  expect(snapshot(pm)).toEqual(state);
  expect(debugMallocStats(pm)).toBe(before);
  expect(allocatedBlocks(pm)).toBe(blocks);
  expect(pm.raw.stats()).toEqual(raw);
  checkInvariants(pm);
}

describe("misuse", () => {
  it("double free of a pymalloc block", () => {
    const pm = model();
    const p = pm.malloc(30);
    pm.malloc(30);
    pm.free(p);
    expectIntact(pm, () => pm.free(p), DoubleFreeError, /already freed/);
    expectIntact(pm, () => pm.realloc(p, 10), DoubleFreeError);
  });

  it("double free of a raw block", () => {
    const pm = model();
    const p = pm.malloc(5000);
    pm.free(p);
    expectIntact(pm, () => pm.free(p), DoubleFreeError);
  });

  it("a pointer into the middle of a block, or to memory never handed out", () => {
    const pm = model();
    const p = pm.malloc(64);
    expectIntact(pm, () => pm.free(p + 16), ForeignPointerError, /not the start of a block/);
    expectIntact(pm, () => pm.free(p + 64 * 5), ForeignPointerError); // carved? no: past nextoffset
    expectIntact(pm, () => pm.free(0xdead_beef), ForeignPointerError, /no allocator/);
    expectIntact(pm, () => pm.realloc(12345, 8), ForeignPointerError);
  });

  it("a pool's header, an address one byte into a block, a block of the pool's former size class", () => {
    // Liveness is a mark in the block's first word of `links`: these must all find no mark.
    const pm = model("3.11");
    const keep = pm.malloc(8); // keeps the arena, so the pool below is reused, not unmapped
    const olds = Array.from({ length: 3 }, () => pm.malloc(500));
    const pool = pm.poolBase[pm.poolOf(olds[0] as number)] as number;
    expectIntact(pm, () => pm.free(pool), ForeignPointerError, /not the start of a block/);
    expectIntact(pm, () => pm.free((olds[0] as number) + 1), ForeignPointerError);
    for (const p of olds) pm.free(p); // the pool is empty; the next class takes it over
    const news = Array.from({ length: 3 }, () => pm.malloc(48));
    expect(pm.poolOf(news[0] as number)).toBe(pm.poolOf(olds[0] as number));
    // 512-byte blocks started at offsets 560 and 1072, inside 48-byte blocks now.
    for (const old of olds.slice(1)) expectIntact(pm, () => pm.free(old), ForeignPointerError);
    for (const p of [keep, ...news]) pm.free(p);
    checkInvariants(pm);
  });

  it("free(NULL) is a no-op even when the page table starts at address 0", () => {
    // Arenas from 4096 up: the page table's first page is address 0 (a 16 KiB page).
    const pm = model("3.11", { placement: { base: 4096 } });
    const p = pm.malloc(24);
    expect(pm.tableBase).toBe(0);
    pm.free(0);
    pm.free(-0);
    expect(allocatedBlocks(pm)).toBe(1);
    pm.free(p);
    checkInvariants(pm);
  });

  it("a fraction of an address, or an address 4 GiB away from a live block, is no block", () => {
    // free finds the page from the address's low 32 bits; these share them with a live block.
    const pm = model("3.11");
    const p = pm.malloc(40);
    pm.malloc(40);
    for (const bad of [p + 2 ** 32, p - 2 ** 32, p + 2 ** 40])
      expectIntact(pm, () => pm.free(bad), ForeignPointerError, /no allocator/);
    for (const bad of [p + 0.5, p - 0.5])
      expectIntact(pm, () => pm.free(bad), ForeignPointerError, /not an address/);
    expectIntact(pm, () => pm.realloc(p + 0.25, 8), ForeignPointerError);
    expect(pm.locate(p + 0.5)).toBeUndefined();
    pm.free(p);
    checkInvariants(pm);
  });

  it("arenas across a 4 GiB boundary: blocks on both sides are found and freed", () => {
    // Slot 0 ends just below 2^33 and slot 1 starts above it, so their blocks' low 32 bits wrap.
    const pm = model("3.11", { placement: { base: 2 ** 33 - 2 ** 20 } });
    const blocks: number[] = [];
    while (pm.narenasCurrentlyAllocated < 2) blocks.push(pm.malloc(512));
    const first = blocks[0] as number;
    const last = blocks[blocks.length - 1] as number;
    expect(first).toBeLessThan(2 ** 33);
    expect(last).toBeGreaterThan(2 ** 33);
    for (const b of [first, last]) expect(pm.locate(b)).toBeDefined();
    for (const b of blocks) pm.free(b);
    expect(allocatedBlocks(pm)).toBe(0);
    checkInvariants(pm);
  });

  it("negative, fractional and oversized sizes", () => {
    const pm = model("3.11-32bit");
    const p = pm.malloc(8);
    expectIntact(pm, () => pm.malloc(-1), BadSizeError, /negative/);
    expectIntact(pm, () => pm.malloc(1.5), BadSizeError);
    expectIntact(pm, () => pm.malloc(2 ** 31), BadSizeError, /PY_SSIZE_T_MAX/);
    expectIntact(pm, () => pm.realloc(p, -3), BadSizeError);
  });

  it("a size no heap can serve, on 64-bit, fails as C's malloc does", () => {
    const pm = model("3.11");
    const p = pm.malloc(8);
    expectIntact(pm, () => pm.malloc(2 ** 62), OutOfMemoryError, /MemoryError/);
    expectIntact(pm, () => pm.realloc(p, 2 ** 62), OutOfMemoryError);
    expectIntact(pm, () => pm.calloc(2 ** 31, 2 ** 31), OutOfMemoryError);
  });

  it("an address that is not a non-negative safe integer: a typed error, nothing freed", () => {
    // Before: null, a BigInt or a Symbol threw TypeError, String(p) and [p] freed p, NaN read 0xNaN.
    for (const id of ["3.11", "3.9", "2.7"]) {
      const pm = model(id);
      const p = pm.malloc(24);
      const r = pm.malloc(5000);
      const bad: unknown[] = [
        null,
        undefined,
        24n,
        BigInt(p),
        Symbol("p"),
        String(p),
        String(r),
        [p],
        { valueOf: () => p },
      ];
      bad.push(true, NaN, -16, Infinity, 2 ** 60, p + 0.5, "0x10");
      for (const a of bad) {
        expectIntact(pm, () => pm.free(a as number), ForeignPointerError, /not an address/);
        expectIntact(pm, () => pm.realloc(a as number, 8), ForeignPointerError, /not an address/);
        expectIntact(pm, () => pm.memFree(a as number), ForeignPointerError, /not an address/);
        expectIntact(pm, () => pm.raw.free(a as number), ForeignPointerError, /not an address/);
        expect(pm.locate(a as number)).toBeUndefined();
        expect(pm.addressInRange(a as number)).toBe(false);
      }
      expect(() => pm.free(NaN)).not.toThrow(/0xNaN/);
      const shown = [null, 24n, Symbol("p"), "24", [p], { p }, true, NaN].map((a) => {
        try {
          pm.free(a as number);
        } catch (e) {
          return (e as Error).message.replace(/^free of | ?: not an address.*$/g, "");
        }
        return "no error";
      });
      expect(shown).toEqual([
        "null",
        "the BigInt 24n",
        "a Symbol",
        'the string "24"',
        "an array",
        "an object",
        "true",
        "NaN",
      ]);
      pm.free(p);
      pm.free(r);
    }
  });

  it("a size that is not a number: BadSizeError, whatever its type", () => {
    // Before: a BigInt or a Symbol threw TypeError from the fast path's `| 0`.
    const pm = model("3.11");
    const p = pm.malloc(24);
    const bad: unknown[] = [null, undefined, "24", 24n, Symbol("n"), true, [24], { valueOf: () => 24 }, NaN];
    for (const n of bad) {
      expectIntact(pm, () => pm.malloc(n as number), BadSizeError, /whole number of bytes/);
      expectIntact(pm, () => pm.calloc(n as number, 8), BadSizeError);
      expectIntact(pm, () => pm.calloc(2, n as number), BadSizeError);
      expectIntact(pm, () => pm.realloc(p, n as number), BadSizeError);
      expectIntact(pm, () => pm.realloc(0, n as number), BadSizeError);
      expectIntact(pm, () => pm.raw.malloc(n as number), BadSizeError);
    }
    expect(() => pm.malloc("x".repeat(1e6) as unknown as number)).toThrow(/… \(1000000 characters\)$/);
  });

  it("the raw allocator's chunk limit: malloc fails as C's does, before anything changes", () => {
    // RAW_CHUNK_LIMIT (2^24) chunks would take seconds; a model whose raw heap allows 3 shows the rule.
    const pm = model("3.11");
    Object.assign(pm, { raw: new RawAllocator(pm.maxSize, RAW_HEAP_LIMIT, 3) });
    const [a, b] = [pm.malloc(600), pm.malloc(0), pm.malloc(1000)];
    expectIntact(pm, () => pm.malloc(700), OutOfMemoryError, /limit of 3 chunks/);
    expectIntact(pm, () => pm.realloc(a as number, 2000), OutOfMemoryError);
    pm.free(b as number);
    expect(pm.malloc(0)).toBe(b); // a freed chunk is still reused
    expect(RAW_CHUNK_LIMIT).toBe(2 ** 24);
  });

  it("any misalignment up to the arena region's end works, costs no memory, and past it is refused", () => {
    // Before: the page table spanned the misalignment (2^44 took 4.2 GB; 2^45 overflowed an int32
    // page number, 2^46 a typed array's length).
    for (const misalign of [
      0,
      2 ** 36,
      2 ** 44,
      2 ** 45,
      2 ** 46,
      ARENA_REGION_END - DEFAULT_ARENA_BASE - 2 ** 20,
    ]) {
      const pm = model("3.11", { placement: { misalign } });
      const blocks = [pm.malloc(24), pm.malloc(500), pm.malloc(5000)];
      expect(pm.locate(blocks[0] as number)).toEqual({ arena: 0, pool: 0, szidx: 1, block: 0 });
      expect(pm.pageTable.length).toBe(2); // two pools carved: two pages, whatever the misalignment
      for (const b of blocks) pm.free(b);
      expect(allocatedBlocks(pm)).toBe(0);
      checkInvariants(pm);
    }
    for (const misalign of [ARENA_REGION_END - DEFAULT_ARENA_BASE, 2 ** 47, 2 ** 53, 4096.5, -4096, NaN])
      expect(() => model("3.11", { placement: { misalign } })).toThrow(BadPlacementError);
    expect(() => model("3.11", { placement: { base: ARENA_REGION_END } })).toThrow(/simulated C heap begins/);
    expect(() => model("3.11", { placement: { misalign: "" as unknown as number } })).toThrow(
      /the string ""/,
    );
  });

  it("an arena that would cross the region's end is out of memory, and changes nothing", () => {
    const pm = model("3.11", { placement: { base: ARENA_REGION_END - 2 ** 20 } }); // room for slot 0 only
    const blocks: number[] = [];
    while (pm.arNfreepools(0) > 0 || pm.poolCount(pm.poolOf(blocks.at(-1) ?? 0)) < 31)
      blocks.push(pm.malloc(512));
    expectIntact(pm, () => pm.malloc(512), OutOfMemoryError, /no free arena slot below/);
    for (const b of blocks) pm.free(b);
    checkInvariants(pm);
  });

  it("random misuse never corrupts the model", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        (sizes, k) => {
          const pm = model("3.10");
          const ptrs = sizes.map((n) => pm.malloc(n));
          const victim = ptrs[k % ptrs.length] as number;
          pm.free(victim);
          expectIntact(pm, () => pm.free(victim), DoubleFreeError);
        },
      ),
      { numRuns: 50 },
    );
  });
});
