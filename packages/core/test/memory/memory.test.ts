// Layers -1 to +1: where arena mappings are placed (the same policy as the oracle harness, so the
// two agree on 63 or 64 pools), and the raw allocator's contract (size 0 means 1, LIFO reuse of a
// freed chunk, realloc in place while the chunk holds the new size).
import { describe, expect, it } from "vitest";
import {
  AddressSpace,
  BadSizeError,
  DEFAULT_ARENA_BASE,
  DoubleFreeError,
  ForeignPointerError,
  OutOfMemoryError,
  RawAllocator,
} from "../../src/index.js";

const ARENA = 1 << 20;
const POOL = 16 << 10;

describe("address space", () => {
  it("puts slot i at base + i * (ARENA_SIZE + POOL_SIZE) + misalign, from 0x100000000000 by default", () => {
    const space = new AddressSpace(ARENA, POOL);
    expect(space.base).toBe(DEFAULT_ARENA_BASE);
    expect(DEFAULT_ARENA_BASE).toBe(0x1000_0000_0000);
    const custom = new AddressSpace(ARENA, POOL, { base: 0x4f00_0000_0000, misalign: 4096 });
    const addresses = [custom.map(), custom.map(), custom.map()];
    expect(addresses).toEqual([0, 1, 2].map((i) => 0x4f00_0000_0000 + i * (ARENA + POOL) + 4096));
    expect(addresses.map((a) => custom.addressOfSlot(custom.slotOf(a)))).toEqual(addresses);
  });

  it("gives a new mapping the lowest free slot", () => {
    const space = new AddressSpace(ARENA, POOL);
    const [a0, a1, a2, a3] = [space.map(), space.map(), space.map(), space.map()] as number[];
    space.unmap(a2 as number);
    space.unmap(a0 as number);
    expect(space.mapped).toBe(2);
    expect(space.map()).toBe(a0);
    expect(space.map()).toBe(a2);
    expect(space.map()).toBe((a3 as number) + ARENA + POOL);
    expect(space.slotOf(a1 as number)).toBe(1);
  });

  it("finds the slot of any address inside a mapping, and none in the gap or outside", () => {
    const space = new AddressSpace(ARENA, POOL, { misalign: 8192 });
    const a = space.map();
    expect(space.slotOf(a)).toBe(0);
    expect(space.slotOf(a + ARENA - 1)).toBe(0);
    expect(space.slotOf(a + ARENA)).toBe(-1); // the one-pool gap
    expect(space.slotOf(a - 1)).toBe(-1);
    expect(space.slotOf(space.addressOfSlot(1))).toBe(-1); // not mapped
  });

  it("refuses a bad placement, an unmap of what it never mapped, and more than maxMappings", () => {
    expect(() => new AddressSpace(ARENA, POOL, { base: 100 })).toThrow(/multiple of 4096/);
    expect(() => new AddressSpace(ARENA, POOL, { misalign: 100 })).toThrow(/multiple of 4096/);
    const space = new AddressSpace(ARENA, POOL, { maxMappings: 2 });
    const a = space.map();
    space.map();
    expect(() => space.map()).toThrow(OutOfMemoryError);
    expect(() => space.unmap(a + 4096)).toThrow(/not a mapping/);
    space.unmap(a);
    expect(() => space.unmap(a)).toThrow(/not a mapping/);
    expect(space.map()).toBe(a);
  });
});

describe("raw allocator", () => {
  const raw = () => new RawAllocator(2 ** 63 - 1);

  it("serves size 0 as 1 byte, with a distinct address", () => {
    const r = raw();
    const a = r.malloc(0);
    const b = r.malloc(0);
    expect(a).not.toBe(b);
    expect(r.sizeOf(a)).toBe(1);
    expect(r.stats()).toEqual({ liveBlocks: 2, liveBytes: 2, mallocCalls: 2, freeCalls: 0 });
  });

  it("reuses a freed chunk of the same size, last freed first", () => {
    const r = raw();
    const [a, b, c] = [r.malloc(100), r.malloc(100), r.malloc(500)];
    r.free(a);
    r.free(b);
    expect(r.malloc(100)).toBe(b);
    expect(r.malloc(100)).toBe(a);
    expect(r.malloc(100)).not.toBe(c);
    expect(r.knows(a) && r.owns(a)).toBe(true);
  });

  it("reallocs in place while the chunk holds the new size, and moves otherwise", () => {
    const r = raw();
    const a = r.malloc(100); // a 112-byte chunk: up to 104 bytes fit
    expect(r.realloc(a, 104)).toBe(a);
    expect(r.realloc(a, 10)).toBe(a);
    expect(r.sizeOf(a)).toBe(10);
    const moved = r.realloc(a, 105);
    expect(moved).not.toBe(a);
    expect(r.owns(a)).toBe(false);
    expect(r.sizeOf(moved)).toBe(105);
    expect(r.realloc(0, 7)).not.toBe(0); // realloc(NULL, n) is malloc(n)
  });

  it("callocs count * size bytes and refuses what overflows PY_SSIZE_T_MAX", () => {
    const r = new RawAllocator(2 ** 31 - 1);
    expect(r.sizeOf(r.calloc(3, 40))).toBe(120);
    expect(() => r.malloc(2 ** 31)).toThrow(BadSizeError);
    expect(() => r.malloc(-1)).toThrow(BadSizeError);
  });

  it("fails as C's malloc does once its heap is spent, changing nothing", () => {
    const r = new RawAllocator(2 ** 63 - 1, 1 << 20);
    const a = r.malloc(1000);
    const before = r.stats();
    expect(() => r.malloc(1 << 20)).toThrow(OutOfMemoryError);
    expect(() => r.realloc(a, 1 << 20)).toThrow(OutOfMemoryError);
    expect(r.stats()).toEqual(before);
    expect(r.sizeOf(a)).toBe(1000);
    const big = new RawAllocator(2 ** 63 - 1);
    expect(() => big.malloc(2 ** 62)).toThrow(/simulated C heap/);
  });

  it("refuses a double free and a foreign pointer with typed errors, changing nothing", () => {
    const r = raw();
    const a = r.malloc(8);
    const b = r.malloc(8);
    r.free(a);
    const before = r.stats();
    expect(() => r.free(a)).toThrow(DoubleFreeError);
    expect(() => r.free(b + 1)).toThrow(ForeignPointerError);
    expect(() => r.realloc(a, 16)).toThrow(DoubleFreeError);
    expect(r.stats()).toEqual(before);
    expect(r.malloc(8)).toBe(a);
  });
});
