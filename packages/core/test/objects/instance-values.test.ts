// 3.11+: where an instance's attribute values live and how big their room is (InstanceKeys,
// layout/sizes.ts instanceValuesBytes), against tracemalloc's sizes on native 3.11.7 – 3.13.0 and
// Pyodide's 3.11.3 – 3.15.0 (object-versions.ts cites the measurement).
import { describe, expect, it } from "vitest";
import {
  getsizeof,
  instanceValuesBytes,
  NotModelledError,
  ObjectHeap,
  objectProfile,
  type PointerSize,
  Pymalloc,
  type PyObject,
  profileForVersion,
  SHARED_KEYS_MAX_SIZE,
} from "../../src/index.js";

function session(version: string, pointerSize: PointerSize = 8) {
  const pm = new Pymalloc(profileForVersion(version, pointerSize));
  const heap = new ObjectHeap(objectProfile(version, pointerSize), pm, {
    finalizer: () => {},
    caller: () => {},
  });
  const cls = heap.classObject({ name: "C" });
  /** the size class's block size of a block */
  const blockBytes = (address: number) => pm.blockSizeOf(pm.poolOf(address));
  return { pm, heap, cls, blockBytes };
}

describe("3.11+ instance values", () => {
  it("3.11 and 3.12: a values array of 264, 256, 248 … bytes (64-bit), 148, 144, 140 … (32-bit)", () => {
    expect([29, 28, 27, 26, 22, 1].map((n) => instanceValuesBytes(objectProfile("3.12"), n))).toEqual([
      264, 256, 248, 240, 200, 16,
    ]);
    expect([29, 28, 27, 26, 1].map((n) => instanceValuesBytes(objectProfile("3.11", 4), n))).toEqual([
      148, 144, 140, 132, 8,
    ]);
  });

  it("3.13+: the object grows by 280, 272, 264 … bytes (64-bit), 156, 152, 144 … (32-bit)", () => {
    expect([30, 29, 28, 24, 1].map((n) => instanceValuesBytes(objectProfile("3.13"), n))).toEqual([
      280, 272, 264, 224, 24,
    ]);
    expect([30, 29, 28, 1].map((n) => instanceValuesBytes(objectProfile("3.15", 4), n))).toEqual([
      156, 152, 144, 12,
    ]);
  });

  it("3.12: each instance of a class gets one value fewer, down to one, in an array of its own", () => {
    const { heap, cls, blockBytes } = session("3.12");
    const sizes: number[] = [];
    for (let i = 0; i < SHARED_KEYS_MAX_SIZE + 2; i++) {
      const o = heap.instance(cls);
      expect(o.valuesBlock).not.toBe(0);
      sizes.push(blockBytes(o.valuesBlock));
      expect(getsizeof(o.size as NonNullable<PyObject["size"]>)).toBe(48);
    }
    // 264 .. 16 bytes rounded up to 16-byte size classes; the last ones stay at one value
    expect(sizes.slice(0, 3)).toEqual([272, 256, 256]);
    expect(sizes.slice(-3)).toEqual([16, 16, 16]);
  });

  it("3.13: the first instances are bigger blocks, while getsizeof stays 48", () => {
    const { heap, cls, blockBytes } = session("3.13");
    const blocks = [0, 1, 2].map(() => heap.instance(cls));
    expect(blocks.map((o) => blockBytes(o.block))).toEqual([336, 320, 320]);
    for (const o of blocks) {
      expect(o.valuesBlock).toBe(0);
      expect(getsizeof(o.size as NonNullable<PyObject["size"]>)).toBe(48);
    }
  });

  it("clears values in the order of the class's keys, then frees the values array", () => {
    const { pm, heap, cls } = session("3.12");
    const o = heap.instance(cls);
    const a = heap.str("a");
    const b = heap.str("b");
    heap.setAttribute(o, "first", heap.incref(a));
    heap.setAttribute(o, "second", heap.incref(b));
    const values = o.valuesBlock;
    heap.decref(o);
    expect([a.refcnt, b.refcnt]).toEqual([1, 1]);
    expect(() => pm.memFree(values)).toThrow(); // given back already
  });

  it("refuses a new name once the class has no usable entry left (CPython makes a __dict__)", () => {
    const { heap, cls } = session("3.11");
    const o = heap.instance(cls);
    // the instance took one of the 30: 29 names fit
    for (let i = 0; i < SHARED_KEYS_MAX_SIZE - 1; i++) heap.setAttribute(o, `a${i}`, heap.str("v"));
    expect(() => heap.setAttribute(o, "one_too_many", heap.str("v"))).toThrow(NotModelledError);
    heap.setAttribute(o, "a0", heap.str("w")); // a name the class has: fine
  });

  it("has no values before 3.11", () => {
    const { heap, cls } = session("3.10");
    expect(heap.instance(cls).valuesBlock).toBe(0);
    expect(cls.instanceKeys).toBeUndefined();
  });
});
