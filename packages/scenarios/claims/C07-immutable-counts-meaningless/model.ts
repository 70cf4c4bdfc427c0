// C07's witness.py as a model session: which counts are "ordinary", immutable objects or not.
import { type PythonSession, python } from "@pymem/core";

export interface Reading {
  /** getrefcount showed exactly one name plus the argument, and a second name added exactly one. */
  readonly ordinary: boolean;
  /** Binding the second name changed the count at all. */
  readonly moved: boolean;
}

export interface ImmutableCountFacts {
  /** Immutable objects: the article's int 10 (cached), a float, a tuple and int 1000 made at run time. */
  readonly immutable: { readonly [what: string]: Reading };
  /** A class: mutable, and shared with the interpreter's own structures. */
  readonly mutableClass: Reading;
}

/**
 * `before = getrefcount(name); second = name; after = getrefcount(name)`. Objects the interpreter also
 * holds (runtime-held, 3.11's static ones) are never ordinary: their counts include references the
 * program does not own, which the model knows even where it cannot know their value.
 */
function read(py: PythonSession, name: string, second: string): Reading {
  const o = py.peek(name);
  const kind = py.sys.refcountKind(name);
  const counted = kind === "counted" || kind === "immortal";
  const before = counted ? py.sys.getrefcount(name) : Number.NaN;
  const refcnt = o.refcnt;
  py.assign(second, name);
  const after = counted ? py.sys.getrefcount(name) : Number.NaN;
  return { ordinary: counted && before === 2 && after === before + 1, moved: o.refcnt !== refcnt };
}

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c07Run(py: PythonSession): ImmutableCountFacts {
  py.assign("a", py.int(10));
  const ten = read(py, "a", "b");
  py.print("the int 10 (immutable, cached):", ten.ordinary);
  py.print("  a second name changes it:", ten.moved);

  py.assign("f", py.float(1.5));
  const float = read(py, "f", "g");
  py.print("a float made at run time (immutable):", float.ordinary);

  py.assign("t", py.tuple(["f"]));
  const tuple = read(py, "t", "u");
  py.print("a tuple made at run time (immutable):", tuple.ordinary);

  py.assign("big", py.int(1000));
  const big = read(py, "big", "big2");
  py.print("the int 1000 made at run time (immutable):", big.ordinary);

  py.defineClass({ name: "Box" });
  const mutableClass = read(py, "Box", "alias");
  py.print("a class (mutable):", mutableClass.ordinary);

  return { immutable: { "int 10": ten, float, tuple, "int 1000": big }, mutableClass };
}

export function c07Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c07Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
