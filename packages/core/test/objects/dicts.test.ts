// Dict tables on the model: where their memory comes from, free lists, split tables, literals.
import { describe, expect, it } from "vitest";
import {
  checkHeap,
  literalGroups,
  NotModelledError,
  objectProfile,
  type PyObject,
  type PythonSession,
  python,
} from "../../src/index.js";

const check = (py: PythonSession) => checkHeap(py.heap, py.roots(), py.collector);

/** d = {}; d[k] = n for k in keys (a module-level dict bound to `name`) */
function inserted(py: PythonSession, name: string, keys: (i: number) => PyObject, count: number): PyObject {
  py.assign(name, py.dict([]));
  for (let i = 0; i < count; i++) py.setitem(name, keys(i), py.int(7));
  return py.peek(name);
}

describe("keys tables", () => {
  it("above 512 bytes come from the raw allocator, smaller ones from pymalloc", () => {
    const py = python("3.11");
    const small = inserted(py, "small", (i) => py.int(1000 + i), 3);
    const big = inserted(py, "big", (i) => py.int(1000 + i), 100);
    expect(py.pm.locate(small.keysBlock)).toBeDefined();
    expect(py.pm.locate(big.keysBlock)).toBeUndefined();
    expect(py.pm.raw.owns(big.keysBlock)).toBe(true);
    check(py);
  });

  it("2.7 keeps 8 entries inside the dict and mallocs bigger tables", () => {
    const py = python("2.7");
    const d = inserted(py, "d", (i) => py.int(1000 + i), 5);
    expect(d.keysBlock).toBe(0);
    py.setitem("d", py.int(5000), py.int(1));
    expect(py.pm.raw.owns(d.keysBlock)).toBe(true);
    check(py);
  });

  it("3.11+ keeps only str-keyed minimum tables on keys_free_list", () => {
    const kept = ["3.10", "3.11"].map((v) => {
      const py = python(v);
      inserted(py, "d", (i) => py.int(1000 + i), 2);
      py.del("d");
      return py.heap.dicts.keysFreeList.size;
    });
    expect(kept).toEqual([1, 0]);
    const py = python("3.11");
    inserted(py, "d", (i) => py.str(`key${i}`), 2);
    py.del("d");
    expect(py.heap.dicts.keysFreeList.size).toBe(1);
  });

  it("a full collection empties keys_free_list", () => {
    const py = python("3.12");
    inserted(py, "d", (i) => py.str(`key${i}`), 2);
    py.del("d");
    expect(py.heap.dicts.keysFreeList.size).toBe(1);
    py.gc.collect();
    expect(py.heap.dicts.keysFreeList.size).toBe(0);
    check(py);
  });

  it("3.11+ converts a str-only table before the first other key, keeping its entries", () => {
    const py = python("3.12");
    const d = inserted(py, "d", (i) => py.str(`key${i}`), 3);
    const block = d.keysBlock;
    py.setitem("d", py.int(1), py.int(2));
    expect(d.unicodeKeys).toBe(false);
    expect(d.keysBlock).not.toBe(block);
    expect(d.dictKeys.map((k) => k.value)).toEqual(["key0", "key1", "key2", 1n]);
    check(py);
  });
});

describe("literals", () => {
  it("3.10+ builds one of 40 items from chunk dicts, freed after merging (each one reusing the last)", () => {
    const freed = ["3.9", "3.10"].map((v) => {
      const py = python(v);
      py.assign("n", py.int(7));
      py.assign(
        "d",
        py.dict(Array.from({ length: 40 }, (_, i) => [py.str(`k${i}`), "n"] as [PyObject, string])),
      );
      check(py);
      return py.heap.freeLists.dict.size;
    });
    // 40 items make three groups on 3.10+; the second is merged and freed before the third is
    // made from the free list, so one dict object is left on the list at the end.
    expect(literalGroups(objectProfile("3.10"), 40).length).toBe(3);
    expect(freed).toEqual([0, 1]);
  });
});

describe("instance dicts (split tables, 3.6 – 3.10)", () => {
  it("instances share their class's keys table; setting names in another order ends the sharing", () => {
    const py = python("3.9");
    const C = py.defineClass({ name: "C" });
    const shared = C.cachedKeys;
    expect(shared).toBeDefined();
    py.assign("x", py.new(C));
    py.assign("y", py.new(C));
    py.setattr("x", "a", py.int(1));
    py.setattr("x", "b", py.int(2));
    py.setattr("y", "a", py.int(3));
    const x = py.peek("x").instanceDict as PyObject;
    const y = py.peek("y").instanceDict as PyObject;
    expect(x.sharedKeys).toBe(shared);
    expect(y.sharedKeys).toBe(shared);
    expect(shared?.refcnt).toBe(3); // the class and two dicts
    py.assign("z", py.new(C));
    py.setattr("z", "b", py.int(4)); // "b" before "a": z's dict becomes a combined one
    expect(py.peek("z").instanceDict?.sharedKeys).toBeUndefined();
    expect(C.cachedKeys).toBeUndefined();
    expect(shared?.refcnt).toBe(2);
    check(py);
  });

  it("a class grows its shared table when its only user outgrows it", () => {
    const py = python("3.10");
    const C = py.defineClass({ name: "C" });
    const first = C.cachedKeys;
    py.assign("o", py.new(C));
    for (let i = 0; i < 6; i++) py.setattr("o", `a${i}`, py.int(i));
    expect(C.cachedKeys).not.toBe(first);
    expect(C.cachedKeys?.slots).toBeGreaterThan(first?.slots as number);
    expect(py.peek("o").instanceDict?.sharedKeys).toBe(C.cachedKeys);
    check(py);
  });

  it("3.11+ builds no __dict__ from inline values (not modelled)", () => {
    const py = python("3.11");
    const C = py.defineClass({ name: "C" });
    py.assign("o", py.new(C));
    expect(() => py.getattr("o", "__dict__")).toThrow(NotModelledError);
  });
});

describe("misuse", () => {
  it("item assignment on a list is refused and changes nothing", () => {
    const py = python("3.12");
    py.assign("l", py.list([]));
    expect(() => py.setitem("l", py.int(0), py.int(1))).toThrow(NotModelledError);
    py.endStatement();
    expect(py.peek("l").items).toEqual([]);
    check(py);
  });

  it("dict() of an int is refused before anything is allocated", () => {
    const py = python("3.12");
    const live = py.heap.live.size;
    expect(() => py.dictCall(py.float(1.5))).toThrow(NotModelledError);
    py.endStatement();
    expect(py.heap.live.size).toBe(live);
    check(py);
  });
});
