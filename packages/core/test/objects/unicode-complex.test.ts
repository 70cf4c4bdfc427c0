// 2.7's unicode objects (free list with kept buffers, latin-1 cache) and complex numbers on the model.
import { describe, expect, it } from "vitest";
import {
  allocatedBlocks,
  checkHeap,
  complexRepr,
  complexSize,
  getsizeof,
  NotModelledError,
  type ObjectHeap,
  python,
  unicode27Size,
} from "../../src/index.js";

const heap27 = (): ObjectHeap => python("2.7").heap;

describe("2.7 unicode", () => {
  it("is 48 bytes and a buffer of length + 1 four-byte characters", () => {
    const p = heap27().profile;
    expect(getsizeof(unicode27Size(p, 1))).toBe(56);
    expect(unicode27Size(p, 10).separate).toBe(44);
  });

  it("caches one character below U+0100 for good, and makes every other one anew", () => {
    const heap = heap27();
    const a = heap.unicode("\u00ff");
    expect(heap.unicode("\u00ff")).toBe(a);
    const b = heap.unicode("\u0100");
    const c = heap.unicode("\u0100");
    expect(b).not.toBe(c);
    heap.decref(b);
    heap.decref(c);
  });

  it("reuses a dead object from its free list, keeping a short one's buffer", () => {
    const heap = heap27();
    const blocks = () => allocatedBlocks(heap.pm);
    const u = heap.unicode("short");
    const [address, buffer] = [u.address, u.itemsBlock];
    const before = blocks();
    heap.decref(u);
    expect(blocks()).toBe(before); // object and buffer stay allocated, on the free list
    const v = heap.unicode("other");
    expect([v.address, v.itemsBlock]).toEqual([address, buffer]);
    heap.decref(v);
    const long = heap.unicode("a longer text");
    const held = blocks();
    heap.decref(long); // 9 characters or more: the buffer goes back, the object stays listed
    expect(blocks()).toBe(held - 1);
  });

  it("empties its free list at a full collection", () => {
    const heap = heap27();
    const blocks = () => allocatedBlocks(heap.pm);
    const start = blocks();
    heap.decref(heap.unicode("ab"));
    expect(blocks()).toBe(start + 2);
    heap.clearFreeLists();
    expect(blocks()).toBe(start);
  });

  it("does not exist in Python 3", () => {
    expect(() => python("3.12").heap.unicode("x")).toThrow(NotModelledError);
  });
});

describe("complex", () => {
  it("is a header and two doubles, with no free list", () => {
    const py = python("3.12");
    const z = py.heap.complex(1.5, -2);
    expect(getsizeof(complexSize(py.heap.profile))).toBe(32);
    const address = z.address;
    py.heap.decref(z);
    // no complex free list: the next 32-byte request gets the block (a float, whose list is empty)
    const w = py.heap.float(3.5);
    expect(w.address).toBe(address);
    py.heap.decref(w);
    checkHeap(py.heap, py.roots(), py.collector);
  });

  it("reads as CPython writes it", () => {
    expect(complexRepr(1.5, 0)).toBe("(1.5+0j)");
    expect(complexRepr(-0, 2)).toBe("(-0+2j)");
    expect(complexRepr(0, -2.5)).toBe("-2.5j");
    expect(complexRepr(1e20, 1)).toBe("(1e+20+1j)");
  });
});
