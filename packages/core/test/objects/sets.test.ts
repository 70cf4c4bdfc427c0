// Set tables on the model: CPython's hashes, slots, growth and memory, version by version.
import { describe, expect, it } from "vitest";
import {
  checkHeap,
  hashOf,
  objectProfile,
  type PythonSession,
  python,
  WrongKindError,
} from "../../src/index.js";

const check = (py: PythonSession) => checkHeap(py.heap, py.roots(), py.collector);

/** A set of the ints `keys`, added in order, bound to `name`. */
function setOf(py: PythonSession, name: string, keys: number[]) {
  const s = py.heap.sets.create();
  py.assign(name, s);
  py.heap.decref(s); // the name holds it now
  for (const k of keys) {
    const key = py.heap.int(BigInt(k));
    py.heap.sets.add(s, key);
    py.heap.decref(key);
  }
  return s;
}

const order = (py: PythonSession, s: ReturnType<typeof setOf>) =>
  py.heap.sets.keys(s).map((k) => Number(k.value as bigint));

describe("hashes", () => {
  it("are CPython's for ints, bools and integral floats (measured on 3.11.7, 64-bit)", () => {
    const py = python("3.11");
    const h = (v: bigint) => hashOf(py.int(v), objectProfile("3.11"));
    expect([h(-1n), h(2n ** 61n), h(2n ** 61n - 1n), h(-(2n ** 61n)), h(2n ** 62n + 5n)]).toEqual([
      -2n,
      1n,
      0n,
      -2n,
      7n,
    ]);
    expect(hashOf(py.float(3), objectProfile("3.11"))).toBe(3n);
    expect(hashOf(py.float(2.5), objectProfile("3.11"))).toBeUndefined();
  });

  it("are exact for numbers beyond 2**53, so equal numbers are one key", () => {
    // python3.11 -c 'print(hash(2**70), hash(float(2**70)), hash(2.0**62))': 512 512 2
    const p311 = objectProfile("3.11");
    const py = python("3.11");
    expect(hashOf(py.float(2 ** 70), p311)).toBe(512n);
    expect(hashOf(py.float(2 ** 62), p311)).toBe(2n);
    // python2.7: hash(2.0**62) is the C long 2**62; beyond a C long, long_hash is not modelled
    const py27 = python("2.7");
    expect(hashOf(py27.float(2 ** 62), objectProfile("2.7"))).toBe(2n ** 62n);
    expect(hashOf(py27.float(2 ** 70), objectProfile("2.7"))).toBeUndefined();
    // 2**53 + 1 != 2.0**53 (Number() would call them equal); 2**70 == 2.0**70 on every version
    for (const [v, big] of [
      ["3.11", 2n ** 53n + 1n],
      ["2.7", 2n ** 70n],
    ] as const) {
      const session = python(v);
      const s = session.heap.sets.create();
      session.assign("s", s);
      session.heap.decref(s);
      const h = session.heap;
      for (const key of [h.int(big), h.float(Number(big)), h.float(Number(big))]) {
        session.heap.sets.add(s, key);
        session.heap.decref(key);
      }
      expect(session.heap.sets.len(s)).toBe(v === "3.11" ? 2 : 1);
      check(session);
    }
  });

  it("are 2.7's string_hash for str, and unknown for a 3.x str (randomized)", () => {
    const py27 = python("2.7");
    // python2.7 -c 'print hash("abc"), hash(""), hash("a" * 10)'
    expect(hashOf(py27.str("abc"), objectProfile("2.7"))).toBe(1453079729188098211n);
    expect(hashOf(py27.str(""), objectProfile("2.7"))).toBe(0n);
    expect(hashOf(py27.str("a".repeat(10)), objectProfile("2.7"))).toBe(-1260167844414944736n);
    expect(hashOf(python("3.11").str("abc"), objectProfile("3.11"))).toBeUndefined();
  });
});

describe("tables", () => {
  it("list their keys in slot order, probed as each version probes", () => {
    // native: [9, 3, 17, 25, 1] on 2.7.18, [1, 3, 9, 17, 25] on 3.6 - 3.13 (added one by one)
    const py27 = python("2.7");
    expect(order(py27, setOf(py27, "s", [9, 1, 17, 25, 3]))).toEqual([9, 3, 17, 25, 1]);
    const py = python("3.11");
    expect(order(py, setOf(py, "s", [9, 1, 17, 25, 3]))).toEqual([1, 3, 9, 17, 25]);
    check(py);
  });

  it("grow at the 6th add on 2.7 and the 5th on 3.x, from 8 slots to 32", () => {
    for (const [version, growsAt, base] of [
      ["2.7", 6, 232],
      ["3.6", 5, 232],
      ["3.11", 5, 216],
    ] as const) {
      const py = python(version);
      const s = setOf(py, "s", []);
      const sizes: number[] = [];
      for (let k = 1; k <= growsAt; k++) {
        const key = py.heap.int(BigInt(1000 + k));
        py.heap.sets.add(s, key);
        py.heap.decref(key);
        sizes.push(py.heap.sets.sizeOf(s));
      }
      expect(sizes.at(-2)).toBe(base);
      expect(sizes.at(-1)).toBe(base + 32 * 16);
      check(py);
    }
  });

  it("take a table of 32 slots from pymalloc on 3.x and from C malloc on 2.7", () => {
    const py = python("3.11");
    const s = setOf(py, "s", [1, 2, 3, 4, 5]);
    expect(py.pm.locate(s.setTable?.block ?? 0)).toBeDefined();
    const py27 = python("2.7");
    const t = setOf(py27, "t", [1, 2, 3, 4, 5, 6]);
    expect(py27.pm.raw.owns(t.setTable?.block ?? 0)).toBe(true);
  });

  it("drop their keys and free their table when the set dies", () => {
    const py = python("3.11");
    const s = setOf(py, "s", [1000, 2000, 3000, 4000, 5000]);
    const block = s.setTable?.block ?? 0;
    const key = py.heap.sets.keys(s)[0];
    py.del("s");
    expect(key?.freed).toBe(true);
    expect(py.pm.locate(block)).toBeUndefined();
    check(py);
  });

  it("refuse a set operation on anything else, leaving the heap as it was", () => {
    const py = python("3.11");
    py.assign("l", py.list([]));
    expect(() => py.heap.sets.add(py.peek("l"), py.int(1))).toThrow(WrongKindError);
    check(py);
  });
});
