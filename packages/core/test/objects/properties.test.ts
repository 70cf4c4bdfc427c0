// Random Python programs on every version: after every statement the counts equal the references
// (checkHeap) and pymalloc's invariants hold; at the end, dropping every name and running a full
// collection frees everything (every unreachable cycle is collected).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHeap, checkInvariants, type PyObject, type PythonSession, python } from "../../src/index.js";

const VERSIONS = ["2.7", "3.6", "3.8", "3.10", "3.11", "3.12", "3.13", "3.14", "3.14.5"];
const NAMES = ["a", "b", "c", "d"];
const LONG = process.env.PYMEM_LONG === "1";

type Op =
  | {
      op: "new";
      name: string;
      what: "list" | "tuple" | "dict" | "float" | "int" | "str" | "inst" | "del-inst";
    }
  | { op: "alias"; name: string; from: string }
  | { op: "del"; name: string }
  | { op: "append"; to: string; item: string }
  | { op: "setattr"; on: string; value: string }
  | { op: "collect"; generation: number };

const name = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("new" as const),
    name,
    what: fc.constantFrom("list", "tuple", "dict", "float", "int", "str", "inst", "del-inst"),
  }),
  fc.record({ op: fc.constant("alias" as const), name, from: name }),
  fc.record({ op: fc.constant("del" as const), name }),
  fc.record({ op: fc.constant("append" as const), to: name, item: name }),
  fc.record({ op: fc.constant("setattr" as const), on: name, value: name }),
  fc.record({ op: fc.constant("collect" as const), generation: fc.integer({ min: 0, max: 2 }) }),
);

function run(py: PythonSession, ops: Op[]): void {
  const C = py.defineClass({ name: "C" });
  const D = py.defineClass({ name: "D", __del__: () => py.print("del") });
  const bound = (n: string) => py.names().includes(n);
  for (const o of ops) {
    switch (o.op) {
      case "new": {
        const pick = NAMES.find(bound);
        const make: Record<typeof o.what, () => PyObject> = {
          list: () => py.list(pick ? [pick] : []),
          tuple: () => py.tuple(pick ? [pick, py.int(3)] : [py.float(2.5)]),
          dict: () => py.dict(pick ? [[py.str("k"), pick]] : []),
          float: () => py.float(1.25),
          int: () => py.int(10n ** 12n),
          str: () => py.str("some text"),
          inst: () => py.new(C),
          "del-inst": () => py.new(D),
        };
        py.assign(o.name, make[o.what]());
        break;
      }
      case "alias":
        if (bound(o.from)) py.assign(o.name, o.from);
        break;
      case "del":
        if (bound(o.name)) py.del(o.name);
        break;
      case "append":
        if (bound(o.to) && bound(o.item) && py.peek(o.to).kind === "list") py.append(o.to, o.item);
        break;
      case "setattr":
        if (bound(o.on) && bound(o.value) && py.peek(o.on).kind === "instance")
          py.setattr(o.on, "x", o.value);
        break;
      case "collect":
        py.gc.collect(o.generation);
        break;
    }
    checkHeap(py.heap, py.roots(), py.collector);
    checkInvariants(py.pm);
  }
}

describe.each(VERSIONS)("random programs on %s", (version) => {
  it("keep counts equal to references, and a full collection frees every cycle", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const py = python(version);
        run(py, ops);
        const names = py.names().filter((n) => NAMES.includes(n));
        if (names.length > 0) py.del(...names);
        py.gc.collect();
        checkHeap(py.heap, py.roots(), py.collector);
        // Only 2.7 keeps anything: cycles through __del__ instances wait in gc.garbage.
        const garbage = py.collector.garbage.length;
        if (version !== "2.7") expect(garbage).toBe(0);
        if (garbage === 0) expect(py.heap.live.size).toBe(0);
      }),
      { numRuns: LONG ? 2000 : 200 },
    );
  });
});
