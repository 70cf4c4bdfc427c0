// Random Python programs on every version: after every statement the counts equal the references,
// no live weakref points to a freed object and dict tables fit their entries (checkHeap), and
// pymalloc's invariants hold; at the end, dropping every name and running a full collection frees
// everything (every unreachable cycle is collected, weakrefs and their callbacks included).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkHeap,
  checkInvariants,
  dictSize,
  getsizeof,
  NotModelledError,
  type PyObject,
  type PythonSession,
  python,
} from "../../src/index.js";

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
  | { op: "setattr"; on: string; attr: string; value: string }
  | { op: "setitem"; on: string; key: number; value: string }
  | { op: "weakref"; name: string; target: string; callback: "none" | "print" | "keep" }
  | { op: "deref"; name: string; ref: string }
  | { op: "collect"; generation: number };

const name = fc.constantFrom(...NAMES);
// Enough attribute names to outgrow a shared keys table, set in any order.
const ATTRS = ["x", "y", "z", "a0", "a1", "a2", "a3", "a4"];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("new" as const),
    name,
    what: fc.constantFrom("list", "tuple", "dict", "float", "int", "str", "inst", "del-inst"),
  }),
  fc.record({ op: fc.constant("alias" as const), name, from: name }),
  fc.record({ op: fc.constant("del" as const), name }),
  fc.record({ op: fc.constant("append" as const), to: name, item: name }),
  fc.record({ op: fc.constant("setattr" as const), on: name, attr: fc.constantFrom(...ATTRS), value: name }),
  fc.record({
    op: fc.constant("setitem" as const),
    on: name,
    key: fc.integer({ min: 0, max: 40 }),
    value: name,
  }),
  fc.record({
    op: fc.constant("weakref" as const),
    name,
    target: name,
    callback: fc.constantFrom("none", "print", "keep"),
  }),
  fc.record({ op: fc.constant("deref" as const), name, ref: name }),
  fc.record({ op: fc.constant("collect" as const), generation: fc.integer({ min: 0, max: 2 }) }),
);

function run(py: PythonSession, ops: Op[]): void {
  const C = py.defineClass({ name: "C" });
  const D = py.defineClass({ name: "D", __del__: () => py.print("del") });
  // A callback that keeps its weakref alive in a list (and so keeps the lambda alive too).
  py.assign("kept", py.list([]));
  const bound = (n: string) => py.names().includes(n);
  const kind = (n: string) => (bound(n) ? py.peek(n).kind : undefined);
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
        if (kind(o.on) === "instance" && bound(o.value)) py.setattr(o.on, o.attr, o.value);
        break;
      case "setitem":
        // int keys, or str keys for odd numbers: both table kinds, and conversions between them
        if (kind(o.on) === "dict" && bound(o.value))
          py.setitem(o.on, o.key % 2 ? py.str(`key${o.key}`) : py.int(o.key), o.value);
        break;
      case "weakref": {
        if (kind(o.target) !== "instance") break;
        const callbacks = {
          none: undefined,
          print: () =>
            py.lambda(() => {
              py.print("callback");
              return undefined;
            }),
          keep: () =>
            py.lambda((w) => {
              py.append("kept", w);
              return undefined;
            }),
        };
        const make = callbacks[o.callback];
        py.assign(o.name, py.weakref.ref(o.target, make?.()));
        break;
      }
      case "deref":
        if (kind(o.ref) === "weakref") py.assign(o.name, py.callRef(o.ref));
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
        // Last, the list that weakref callbacks may still append to while the rest dies.
        py.del("kept");
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

// Dicts grown to a hundred items and more, by every route the model has, on every version: the
// tables always fit their entries (checkHeap), and a dict built item by item reports the size the
// closed-form growth of dict-layout.ts predicts for that many items.
type DictOp =
  | { op: "literal"; name: string; size: number }
  | { op: "insert"; on: string; keys: number[] }
  | { op: "dict"; name: string; from: string }
  | { op: "attrs"; name: string; count: number }
  | { op: "del"; name: string };

const dictOpArb: fc.Arbitrary<DictOp> = fc.oneof(
  fc.record({ op: fc.constant("literal" as const), name, size: fc.integer({ min: 0, max: 60 }) }),
  fc.record({
    op: fc.constant("insert" as const),
    on: name,
    keys: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 80 }),
  }),
  fc.record({ op: fc.constant("dict" as const), name, from: name }),
  fc.record({ op: fc.constant("attrs" as const), name, count: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant("del" as const), name }),
);

describe.each(VERSIONS)("dict tables on %s", (version) => {
  it("fit their entries after every statement; item-by-item dicts match the closed form", () => {
    fc.assert(
      fc.property(fc.array(dictOpArb, { maxLength: 20 }), (ops) => {
        const py = python(version);
        const C = py.defineClass({ name: "C" });
        const key = (k: number) => (k % 3 === 0 ? py.int(k) : py.str(`key${k}`));
        const kindOf = (n: string) => (py.names().includes(n) ? py.peek(n).kind : undefined);
        for (const o of ops) {
          const kind = kindOf("name" in o ? o.name : o.on);
          if (o.op === "literal")
            py.assign(
              o.name,
              py.dict(Array.from({ length: o.size }, (_, i) => [key(i), py.none()] as [PyObject, PyObject])),
            );
          else if (o.op === "insert" && kind === "dict")
            for (const k of o.keys) py.setitem(o.on, key(k), py.none());
          else if (o.op === "dict" && kindOf(o.from) === "dict") py.assign(o.name, py.dictCall(o.from));
          else if (o.op === "attrs") {
            py.assign(o.name, py.new(C));
            for (let i = 0; i < o.count; i++) {
              try {
                py.setattr(o.name, `a${(i * 7) % o.count}`, py.none());
              } catch (e) {
                // 3.11+: a class's instances share at most 30 names, one fewer per instance made
                if (!(e instanceof NotModelledError) || py.profile.instanceValues === "none") throw e;
                break;
              }
            }
          } else if (o.op === "del" && kind !== undefined) py.del(o.name);
          checkHeap(py.heap, py.roots(), py.collector);
          checkInvariants(py.pm);
        }
        // One dict built item by item from empty, against the closed form.
        const n = ops.length * 5;
        py.assign("grown", py.dict([]));
        for (let i = 0; i < n; i++) py.setitem("grown", py.str(`g${i}`), py.none());
        expect(py.sys.getsizeof("grown")).toBe(getsizeof(dictSize(py.profile, n, true)));
      }),
      { numRuns: LONG ? 1000 : 60 },
    );
  });
});
