// The python() session: stack discipline, reference counts by version, free lists, finalizers, misuse.
import { describe, expect, it } from "vitest";
import {
  allocatedBlocks,
  checkHeap,
  NotModelledError,
  objectProfile,
  type PythonSession,
  python,
  RefcountUnderflowError,
  UnboundNameError,
  UseAfterFreeError,
} from "../../src/index.js";

const check = (py: PythonSession) => checkHeap(py.heap, py.roots(), py.collector);

describe("names and the evaluation stack", () => {
  it("a new object bound to a name has one reference; getrefcount adds its argument's", () => {
    const py = python("3.11");
    py.assign("x", py.list([]));
    expect(py.peek("x").refcnt).toBe(1);
    expect(py.sys.getrefcount("x")).toBe(2);
    check(py);
  });

  it("drops unconsumed stack references at the end of the statement", () => {
    const py = python("3.11");
    const before = allocatedBlocks(py.pm);
    py.print(py.sys.getsizeof(py.list([py.float(1.5)])));
    // the list went to its free list, the float to its own: no block was given back or kept extra
    expect(py.heap.freeLists.list.size).toBe(1);
    expect(py.heap.live.size).toBe(0);
    expect(allocatedBlocks(py.pm)).toBeGreaterThan(before);
    check(py);
  });

  it("3.14 loads locals as borrowed references, older versions do not", () => {
    for (const [v, expected] of [
      ["3.13", 2],
      ["3.14", 1],
    ] as const) {
      const py = python(v);
      const r = py.call(() => {
        py.assign("a", py.list([]));
        return py.int(py.sys.getrefcount("a"));
      });
      expect(r.value).toBe(BigInt(expected));
    }
  });

  it("a parameter: the caller keeps its own reference up to 3.10, 3.11 moves it, 3.14 borrows it", () => {
    for (const [v, expected] of [
      ["2.7", 3],
      ["3.10", 3],
      ["3.11", 2],
      ["3.14", 1],
    ] as const) {
      const py = python(v);
      let seen = 0;
      py.call(
        () => {
          seen = py.sys.getrefcount("param");
          return undefined;
        },
        { param: py.list([]) },
      );
      py.endStatement();
      expect([v, seen]).toEqual([v, expected]);
      expect([v, py.heap.live.size]).toEqual([v, 0]);
      check(py);
    }
  });

  it("a named argument keeps its name's reference after the call", () => {
    for (const v of ["3.10", "3.11"]) {
      const py = python(v);
      py.assign("x", py.list([]));
      py.call(() => undefined, { param: "x" });
      py.endStatement();
      expect(py.peek("x").refcnt).toBe(1);
      check(py);
    }
  });

  it("id() releases a temporary argument, so the next object of its size takes the same address", () => {
    const py = python("3.12");
    expect(py.id(py.object())).toBe(py.id(py.object()));
    expect(py.id(py.list([]))).toBe(py.id(py.list([])));
    py.endStatement();
    expect(py.heap.live.size).toBe(0);
    check(py);
  });

  it("function locals are released when the call returns", () => {
    const py = python("3.12");
    py.call(() => {
      py.assign("a", py.list([]));
      py.assign("b", "a");
    });
    expect(py.heap.live.size).toBe(0);
    check(py);
  });
});

describe("runtime-shared objects", () => {
  it("small ints and latin-1 characters are shared; their counts mean different things by version", () => {
    const kinds = ["3.10", "3.11", "3.12", "3.14"].map((v) => {
      const py = python(v);
      expect(py.is(py.int(256), py.int(256))).toBe(true);
      expect(py.is(py.int(257), py.int(257))).toBe(false);
      return py.sys.refcountKind(py.int(5));
    });
    expect(kinds).toEqual(["runtime-held", "static", "immortal", "immortal"]);
  });

  it("getrefcount of an immortal object is the version's constant; of a runtime-held one it refuses", () => {
    expect(python("3.12").sys.getrefcount(python("3.12").none())).toBe(0xffff_ffff);
    const py314 = python("3.14");
    expect(py314.sys.getrefcount(py314.int(10))).toBe(3 * 2 ** 30);
    const py310 = python("3.10");
    expect(() => py310.sys.getrefcount(py310.int(10))).toThrow(NotModelledError);
  });
});

describe("interning", () => {
  it("sys.intern makes strings immortal on 3.12.0 - 3.12.6 only; the table drops a string that dies", () => {
    // gh-113993 is listed in Misc/NEWS.d/3.12.7.rst; 3.12.6's notes do not have it.
    const kinds = ["3.11", "3.12", "3.12.6", "3.12.7", "3.13"].map((v) => {
      const py = python(v);
      py.assign("s", py.sys.intern(py.str("interned")));
      expect(py.is(py.sys.intern(py.str("interned")), "s")).toBe(true);
      return py.sys.refcountKind("s");
    });
    expect(kinds).toEqual(["counted", "immortal", "immortal", "counted", "counted"]);
    const py = python("3.13");
    py.assign("s", py.sys.intern(py.str("gone")));
    py.del("s");
    expect(py.heap.interned.size).toBe(0);
    check(py);
  });
});

describe("free lists", () => {
  it("keep at most their capacity; the rest goes back to pymalloc", () => {
    const py = python("3.11");
    const cap = objectProfile("3.11").freeLists.float as number;
    py.assign("l", py.list([]));
    for (let i = 0; i < cap + 5; i++) py.append("l", py.float(i + 0.5));
    const blocks = allocatedBlocks(py.pm);
    py.del("l");
    expect(py.heap.freeLists.float).toHaveProperty("size", cap);
    // the 5 floats beyond the capacity, and the item array, went back; the list object was kept
    expect(allocatedBlocks(py.pm)).toBe(blocks - 5 - 1);
    check(py);
  });

  it("a full collection empties them", () => {
    const py = python("3.11");
    py.assign("f", py.float(1.5));
    py.del("f");
    const blocks = allocatedBlocks(py.pm);
    py.gc.collect();
    expect(allocatedBlocks(py.pm)).toBe(blocks - 1);
  });

  it("tuples of length 20 are kept from 3.11 on, not before", () => {
    const kept = ["3.10", "3.11"].map((v) => {
      const py = python(v);
      py.assign("n", py.int(1));
      py.assign("t", py.tuple(Array.from({ length: 20 }, () => "n")));
      py.del("t");
      return py.heap.freeLists.tuple[20]?.size ?? 0;
    });
    expect(kept).toEqual([0, 1]);
  });

  it("2.7 hands out floats from 1000-byte blocks, the highest address first", () => {
    const py = python("2.7");
    py.assign("a", py.float(1));
    py.assign("b", py.float(2));
    expect(py.id("b") - py.id("a")).toBe(-24);
    check(py);
  });
});

describe("finalizers and the collector", () => {
  it("__del__ runs once on 3.4+ even when the object resurrects itself, every time on 2.7", () => {
    const calls = ["2.7", "3.8"].map((v) => {
      const py = python(v);
      let n = 0;
      py.assign("keep", py.list([]));
      const P = py.defineClass({
        name: "P",
        __del__: (self) => {
          n++;
          py.append("keep", self);
        },
      });
      py.assign("p", py.new(P));
      py.del("p");
      py.clear("keep");
      check(py);
      return n;
    });
    expect(calls).toEqual([2, 1]);
  });

  it("collects when generation 0's count passes its threshold", () => {
    const py = python("3.12");
    py.assign("l", py.list([]));
    py.append("l", "l");
    py.del("l");
    expect(py.heap.live.size).toBe(1);
    for (let i = 0; i < 701; i++) py.tuple([py.float(i)]);
    py.endStatement();
    expect(py.heap.live.size).toBe(0);
    expect(py.collector.collections[0]).toBeGreaterThan(0);
  });
});

describe("misuse raises a typed error and changes nothing", () => {
  it("del of an unbound name", () => {
    const py = python("3.11");
    py.assign("a", py.list([]));
    expect(() => py.del("a", "nope")).toThrow(UnboundNameError);
    expect(py.names()).toEqual(["a"]);
    check(py);
  });

  it("using an object after it was freed", () => {
    const py = python("3.11");
    py.assign("a", py.list([]));
    const handle = py.peek("a");
    py.del("a");
    expect(() => py.assign("b", handle)).toThrow(UseAfterFreeError);
    expect(py.names()).toEqual([]);
    check(py);
  });

  it("a decref below zero", () => {
    const py = python("3.11");
    py.assign("a", py.list([]));
    const o = py.peek("a");
    const blocks = allocatedBlocks(py.pm);
    py.heap.decref(o);
    expect(() => py.heap.decref(o)).toThrow(UseAfterFreeError);
    expect(allocatedBlocks(py.pm)).toBe(blocks); // the second decref freed nothing more
    // A runtime-held object cannot lose the interpreter's own reference.
    const py310 = python("3.10");
    const five = py310.peek(py310.int(5));
    py310.endStatement();
    expect(() => py310.heap.decref(five)).toThrow(RefcountUnderflowError);
    expect(five.refcnt).toBe(1);
  });
});

describe("3.14's int free list", () => {
  it("gives a freed compact int's memory to the next compact int, never to a multi-digit one", () => {
    const py = python("3.14");
    py.assign("a", py.int(1000n));
    const compact = py.id("a");
    py.del("a");
    py.assign("big", py.int(2n ** 70n));
    expect(py.id("big")).not.toBe(compact);
    py.assign("b", py.int(2000n));
    expect(py.id("b")).toBe(compact);
  });
});
