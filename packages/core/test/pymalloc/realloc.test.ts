// _PyObject_Realloc, _PyObject_Calloc and the raw fallback (size 0, > threshold).
import { describe, expect, it } from "vitest";
import { allocatedBlocks, BadSizeError, RAW_HEAP_BASE } from "../../src/index.js";
import { model, where } from "./helpers.js";

describe("the raw fallback", () => {
  it.each(["2.7", "3.6", "3.11", "3.11-32bit"])(
    "%s: size 0 and sizes above the threshold go to the raw allocator",
    (id) => {
      const pm = model(id);
      for (const n of [0, pm.threshold + 1, 100_000]) {
        const p = pm.malloc(n);
        expect(pm.locate(p)).toBeUndefined();
        expect(pm.raw.owns(p)).toBe(true);
        expect(p).toBeGreaterThan(RAW_HEAP_BASE);
      }
      expect(pm.locate(pm.malloc(pm.threshold))).toBeDefined();
      expect(pm.raw.sizeOf(pm.malloc(0))).toBe(1); // PyMem_RawMalloc(0) means malloc(1)
    },
  );

  it("free(NULL) does nothing", () => {
    const pm = model();
    pm.free(0);
    expect(allocatedBlocks(pm)).toBe(0);
  });
});

describe("realloc", () => {
  it("keeps a block in place only when 4 * n > 3 * blocksize", () => {
    const pm = model("3.11");
    const p = pm.malloc(64);
    expect(pm.realloc(p, 49)).toBe(p); // 196 > 192
    expect(pm.realloc(p, 64)).toBe(p);
    const q = pm.realloc(p, 48); // 192 > 192 is false: moves although it still fits
    expect(q).not.toBe(p);
    expect(where(pm, q).szidx).toBe(2);
  });

  it("moves a shrinking 16-byte block (4 * 12 > 3 * 16 is false)", () => {
    const pm = model("3.11");
    const p = pm.malloc(16);
    expect(pm.realloc(p, 12)).not.toBe(p);
  });

  it("moves to a larger class, and to the raw allocator above the threshold", () => {
    const pm = model("3.11");
    const p = pm.malloc(100);
    const bigger = pm.realloc(p, 200);
    expect(where(pm, bigger).szidx).toBe(12);
    expect(pm.locate(p)).toBeUndefined(); // the old block was freed
    const raw = pm.realloc(bigger, 600);
    expect(pm.raw.owns(raw)).toBe(true);
  });

  it("keeps a raw block raw even when it shrinks below the threshold", () => {
    const pm = model("3.11");
    const p = pm.malloc(1000);
    const q = pm.realloc(p, 10);
    expect(pm.raw.owns(q)).toBe(true);
    expect(pm.locate(q)).toBeUndefined();
  });

  it("realloc(NULL, n) is malloc(n) and realloc(p, 0) gives a fresh raw block", () => {
    const pm = model("3.11");
    expect(where(pm, pm.realloc(0, 24)).szidx).toBe(1);
    const p = pm.malloc(24);
    const z = pm.realloc(p, 0);
    expect(pm.raw.sizeOf(z)).toBe(1);
  });

  it("counts blocks like sys.getallocatedblocks(): pymalloc blocks plus raw blocks of the object API", () => {
    const pm = model("3.11");
    const a = pm.malloc(10);
    const b = pm.malloc(1000);
    const c = pm.realloc(pm.malloc(10), 2000); // pymalloc -> raw: still one block
    expect(allocatedBlocks(pm)).toBe(3);
    pm.free(a);
    pm.free(b);
    pm.free(c);
    expect(allocatedBlocks(pm)).toBe(0);
  });
});

describe("calloc", () => {
  it("serves count * size bytes like malloc", () => {
    const pm = model("3.11");
    expect(where(pm, pm.calloc(4, 8)).szidx).toBe(1);
    expect(pm.raw.owns(pm.calloc(3, 200))).toBe(true);
    expect(pm.raw.owns(pm.calloc(0, 8))).toBe(true); // 0 bytes
  });

  it("refuses a product that overflows PY_SSIZE_T_MAX", () => {
    const pm = model("3.11-32bit");
    expect(() => pm.calloc(2 ** 20, 2 ** 12)).toThrow(BadSizeError);
  });
});

describe("PyMem_Malloc (the mem domain)", () => {
  it("is pymalloc from 3.6 on", () => {
    const pm = model("3.6");
    const p = pm.memMalloc(24);
    expect(pm.locate(p)).toBeDefined();
    expect(pm.memRealloc(p, 20)).toBe(p);
    pm.memFree(p);
    expect(allocatedBlocks(pm)).toBe(0);
  });

  it("is C malloc in 2.7, invisible to pymalloc's counters", () => {
    const pm = model("2.7");
    const p = pm.memMalloc(24);
    expect(pm.locate(p)).toBeUndefined();
    expect(pm.raw.owns(p)).toBe(true);
    expect(allocatedBlocks(pm)).toBe(0);
    pm.memFree(pm.memRealloc(p, 100));
    expect(pm.raw.stats().liveBlocks).toBe(0);
  });
});
