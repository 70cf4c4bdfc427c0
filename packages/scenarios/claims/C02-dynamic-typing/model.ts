// C02's witness.py as a model session, and the facts about names, types and memory the spec judges.
import { type PyObject, type PythonSession, python } from "@pymem/core";

export interface DynamicTypingFacts {
  /** The kinds of object one name was bound to, in order (no declaration anywhere). */
  readonly kindsOfOneName: readonly string[];
  /** Did `y = x` make a new object (as if a variable were a typed box)? */
  readonly bindingCopies: boolean;
  /** Bytes getsizeof adds for 5 more list items: the memory follows a value known only at run time. */
  readonly bytesForFiveItems: number;
  /** Is int('7') one shared object, made before the program ran rather than by the line that asks? */
  readonly smallIntMadeBeforeRun: boolean;
  /** Is int('1000') one shared object too? (the cache's bounds depend on the version) */
  readonly int1000Shared: boolean;
}

/** Python's type(o).__name__ for the kinds this witness makes. */
const typeName = (o: PyObject) => o.kind;

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c02Run(py: PythonSession): DynamicTypingFacts {
  const kinds: string[] = [];
  const show = () => {
    kinds.push(typeName(py.peek("x")));
    py.print("x names a", typeName(py.peek("x")));
  };
  py.assign("x", py.int(7));
  show();
  py.assign("x", py.str("ab"));
  show();
  py.assign("x", py.list(["x"]));
  show();

  py.assign("y", "x");
  const bindingCopies = !py.is("y", "x");
  py.print("y = x makes a new object:", bindingCopies);

  py.assign("n", py.int(5));
  const n = Number(py.peek("n").value);
  const grown = py.sys.getsizeof(py.list(Array.from({ length: n }, () => py.none())));
  const empty = py.sys.getsizeof(py.list([]));
  py.print("bytes for", py.peek("n"), "more list items:", grown - empty);

  const seven = py.int(7);
  const smallIntMadeBeforeRun = py.is(seven, py.int(7)) && py.sys.refcountKind(seven) !== "counted";
  py.print("int('7') made twice is one object:", py.is(seven, py.int(7)));
  const int1000Shared = py.is(py.int(1000), py.int(1000));
  py.print("int('1000') made twice is one object:", int1000Shared);

  return {
    kindsOfOneName: kinds,
    bindingCopies,
    bytesForFiveItems: grown - empty,
    smallIntMadeBeforeRun,
    int1000Shared,
  };
}

export function c02Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c02Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
