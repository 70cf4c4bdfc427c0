// 2.7's long on the model.
import { describe, expect, it } from "vitest";
import { checkHeap, NotModelledError, python } from "../../src/index.js";

describe("2.7 long", () => {
  it("is what int() gives beyond a C long: 64 bits on LP64 builds, 32 on ILP32 ones", () => {
    for (const [P, bits] of [
      [8, 63n],
      [4, 31n],
    ] as const) {
      const py = python("2.7", { pointerSize: P });
      expect(py.int(2n ** bits - 1n).kind).toBe("int");
      expect(py.int(2n ** bits).kind).toBe("long");
      expect(py.int(-(2n ** bits)).kind).toBe("int");
      expect(py.int(-(2n ** bits) - 1n).kind).toBe("long");
      py.endStatement();
      checkHeap(py.heap, py.roots(), py.collector);
      expect(py.heap.live.size).toBe(0);
    }
  });

  it("is never shared, shows an L in repr but not in str", () => {
    const py = python("2.7");
    expect(py.is(py.long(5), py.long(5))).toBe(false);
    py.endStatement();
    py.assign("l", py.list([py.long(5)]));
    py.print(py.getitem("l", 0), py.load("l"));
    expect(py.stdout).toEqual(["5 [5L]"]);
  });

  it("does not exist in Python 3", () => {
    expect(() => python("3.12").long(5)).toThrow(NotModelledError);
  });
});
