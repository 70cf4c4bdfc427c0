// C16's witness as a model session: names bound by assignment, then rebound to the result of "a + x".
// The model has no arithmetic; each result is built as the new object CPython makes for it (a cached
// small int comes back from the cache, as CPython's int constructors return it).
import { type PyObject, type PythonSession, python } from "@pymem/core";

interface Case {
  readonly name: string;
  /** Builds a fresh object like the witness's `make()`. */
  readonly make: (py: PythonSession) => PyObject;
  /** Builds the result of `a + ...` (always a new object: these types have no in-place +). */
  readonly changed: (py: PythonSession) => PyObject;
  /** Is the object bound to `name` still equal to a fresh make()? */
  readonly unchanged: (py: PythonSession, name: string) => boolean;
}

const ints = (py: PythonSession) => [py.int(5000), py.int(6000)];
const valueIs = (v: unknown) => (py: PythonSession, name: string) => py.peek(name).value === v;
const itemsAre = (values: bigint[]) => (py: PythonSession, name: string) => {
  const items = py.peek(name).items;
  return items.length === values.length && items.every((o, i) => o.value === values[i]);
};

const CASES: readonly Case[] = [
  { name: "int", make: (py) => py.int(5000), changed: (py) => py.int(5001), unchanged: valueIs(5000n) },
  {
    name: "str",
    make: (py) => py.str("ab".repeat(10)),
    changed: (py) => py.str(`${"ab".repeat(10)}!`),
    unchanged: valueIs("ab".repeat(10)),
  },
  {
    name: "tuple",
    make: (py) => py.tuple(ints(py)),
    changed: (py) => py.tuple([...ints(py), py.int(1)]),
    unchanged: itemsAre([5000n, 6000n]),
  },
  {
    name: "list",
    make: (py) => py.list(ints(py)),
    changed: (py) => py.list([...ints(py), py.int(1)]),
    unchanged: itemsAre([5000n, 6000n]),
  },
];

const py2 = (b: boolean) => (b ? "True" : "False");

export interface C16Readings {
  /** Per case: a is b after `b = a`; a is b after `a = a + ...`; b kept its value. */
  readonly cases: readonly { name: string; shared: boolean; sharedAfter: boolean; bUnchanged: boolean }[];
  /** a += [1] on a list: a is b, and b sees the new item. */
  readonly inPlace: { shared: boolean; bChanged: boolean };
  /** a = int(start); b = a; a = a + 1; a = a - 1: a is b, per start value. */
  readonly backAgain: readonly { start: number; shared: boolean }[];
}

export function c16Readings(version: string, pointerSize: 4 | 8): C16Readings {
  const py = python(version, { pointerSize });
  const cases = CASES.map((c) => {
    py.assign("a", c.make(py));
    py.assign("b", "a");
    const shared = py.is("a", "b");
    py.assign("a", c.changed(py));
    return { name: c.name, shared, sharedAfter: py.is("a", "b"), bUnchanged: c.unchanged(py, "b") };
  });
  py.assign("a", py.list([py.int(5000)]));
  py.assign("b", "a");
  py.append("a", py.int(1)); // list += [1] extends the same list
  const inPlace = { shared: py.is("a", "b"), bChanged: py.peek("b").items.length === 2 };
  const backAgain = [200, 300].map((start) => {
    py.assign("a", py.int(start));
    py.assign("b", "a");
    py.assign("a", py.int(start + 1));
    py.assign("a", py.int(start));
    return { start, shared: py.is("a", "b") };
  });
  return { cases, inPlace, backAgain };
}

export function c16Output(version: string, pointerSize: 4 | 8): string {
  const r = c16Readings(version, pointerSize);
  const lines = r.cases.flatMap((c) => [
    `${c.name}: after b = a, one object: ${py2(c.shared)}`,
    `${c.name}: after a = a + ..., one object: ${py2(c.sharedAfter)}; b unchanged: ${py2(c.bUnchanged)}`,
  ]);
  lines.push(
    `list: after a += [1], one object: ${py2(r.inPlace.shared)}; b changed too: ${py2(r.inPlace.bChanged)}`,
  );
  for (const b of r.backAgain)
    lines.push(`int ${b.start}: after a = a + 1 and a = a - 1, one object again: ${py2(b.shared)}`);
  return lines.map((l) => `${l}\n`).join("");
}
