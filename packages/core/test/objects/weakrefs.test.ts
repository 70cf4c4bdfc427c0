// Weak references on the model: what they hold, when they are cleared, misuse.
import { describe, expect, it } from "vitest";
import {
  allocatedBlocks,
  CannotWeakrefError,
  checkHeap,
  NotModelledError,
  type PythonSession,
  python,
} from "../../src/index.js";

const check = (py: PythonSession) => checkHeap(py.heap, py.roots(), py.collector);
const alive = (py: PythonSession, ref: string) => py.callRef(ref).kind !== "none";

describe("weakref.ref", () => {
  it("does not count its referent, and gives None once the referent is gone", () => {
    const py = python("3.12");
    const C = py.defineClass({ name: "C" });
    py.assign("o", py.new(C));
    const before = py.peek("o").refcnt;
    py.assign("r", py.weakref.ref("o"));
    expect(py.peek("o").refcnt).toBe(before);
    expect(py.is(py.callRef("r"), "o")).toBe(true);
    py.endStatement();
    py.del("o");
    expect(alive(py, "r")).toBe(false);
    check(py);
  });

  it("holds its callback until it dies; a weakref that dies first leaves the list, its callback uncalled", () => {
    const py = python("3.11");
    const C = py.defineClass({ name: "C" });
    py.assign("o", py.new(C));
    let calls = 0;
    const cb = py.def("cb", () => {
      calls++;
      return undefined;
    });
    const bound = cb.refcnt;
    py.assign("r", py.weakref.ref("o", "cb"));
    expect(cb.refcnt).toBe(bound + 1);
    py.del("r");
    expect(cb.refcnt).toBe(bound);
    expect(py.weakref.getweakrefcount("o")).toBe(0);
    py.del("o");
    expect(calls).toBe(0);
    check(py);
  });

  it("refuses objects without a weakref slot and leaves the model as it was", () => {
    const py = python("3.13");
    const S = py.defineClass({ name: "S", slots: ["a"] });
    py.assign("s", py.new(S));
    py.assign("l", py.list([]));
    const blocks = allocatedBlocks(py.pm);
    expect(() => py.weakref.ref("s")).toThrow(CannotWeakrefError);
    expect(() => py.weakref.ref("l")).toThrow(CannotWeakrefError);
    expect(() =>
      py.weakref.ref(
        "s",
        py.lambda(() => undefined),
      ),
    ).toThrow(CannotWeakrefError);
    py.endStatement();
    expect(allocatedBlocks(py.pm)).toBe(blocks);
    const W = py.defineClass({ name: "W", slots: ["a", "__weakref__"] });
    py.assign("w", py.new(W));
    expect(py.weakref.ref("w").kind).toBe("weakref");
    py.endStatement();
    check(py);
  });

  it("takes only function objects as callbacks", () => {
    const py = python("3.12");
    const C = py.defineClass({ name: "C" });
    py.assign("o", py.new(C));
    expect(() => py.weakref.ref("o", py.int(5))).toThrow(NotModelledError);
    py.endStatement();
    expect(py.weakref.getweakrefcount("o")).toBe(0);
    check(py);
  });
});

describe("a count reaching zero", () => {
  it("runs callbacks after __del__ from 3.4 on, before it on 2.7", () => {
    const order = ["2.7", "3.14"].map((v) => {
      const py = python(v);
      const seen: string[] = [];
      const D = py.defineClass({ name: "D", __del__: () => void seen.push(`del sees ${alive(py, "r")}`) });
      py.assign("x", py.new(D));
      const callback = py.lambda(() => {
        seen.push("callback");
        return undefined;
      });
      py.assign("r", py.weakref.ref("x", callback));
      py.del("x");
      check(py);
      return seen.join(", ");
    });
    expect(order).toEqual(["callback, del sees false", "del sees true, callback"]);
  });

  it("puts the callbacks' (ref, callback) tuple on the free list for one callback from 3.13, not before", () => {
    const kept = ["3.12", "3.13"].map((v) => {
      const py = python(v);
      const C = py.defineClass({ name: "C" });
      py.assign("o", py.new(C));
      py.assign(
        "r",
        py.weakref.ref(
          "o",
          py.lambda(() => undefined),
        ),
      );
      py.del("o");
      return py.heap.freeLists.tuple[2]?.size ?? 0;
    });
    expect(kept).toEqual([0, 1]);
  });
});

describe("the collector", () => {
  it("clears weakrefs to a cycle before __del__ runs, and counts a weakref its own callback freed", () => {
    const py = python("3.12");
    py.gc.disable();
    const seen: boolean[] = [];
    const E = py.defineClass({ name: "E", __del__: () => void seen.push(alive(py, "r")) });
    py.assign("a", py.new(E));
    py.assign("b", py.new(E));
    py.setattr("a", "b", "b");
    py.setattr("b", "a", "a");
    py.assign("holder", py.list([]));
    py.def("drop", () => {
      py.clear("holder");
      return undefined;
    });
    py.append("holder", py.weakref.ref("a", "drop"));
    py.assign("r", py.weakref.ref("a"));
    py.del("a", "b");
    // Two instances, and the weakref its callback freed.
    expect(py.gc.collect()).toBe(3);
    expect(seen).toEqual([false, false]);
    check(py);
  });
});
