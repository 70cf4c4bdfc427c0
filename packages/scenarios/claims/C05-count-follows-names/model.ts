// C05's witness.py as a model session: the counting rule on new objects, locals and shared objects.
import { type PythonSession, python } from "@pymem/core";

export interface CountRuleFacts {
  /** getrefcount - 1 of a new list at module level: one name, a second name, that name deleted. */
  readonly moduleLevel: readonly [number, number, number];
  /** getrefcount - 1 of a new list bound to one local name inside a function. */
  readonly inFunction: number;
  /** The shared int 10 bound to one name: does it count 1, and does a second name add exactly 1? */
  readonly smallIntCountsOne: boolean;
  readonly smallIntAddsOne: boolean;
  /** A string made at run time and interned, bound to one name: does it count 1? */
  readonly internedCountsOne: boolean;
}

/**
 * Does the object bound to `name` count exactly 1 (getrefcount shows 2)? Objects the interpreter also
 * holds (runtime-held, or 3.11's static objects starting at 999,999,999) never do; the model knows that
 * much about them even though it cannot know their exact count.
 */
function countsOne(py: PythonSession, name: string): boolean {
  const kind = py.sys.refcountKind(name);
  if (kind === "runtime-held" || kind === "static") return false;
  return py.sys.getrefcount(name) - 1 === 1;
}

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c05Run(py: PythonSession): CountRuleFacts {
  const { sys } = py;
  py.assign("lt", py.list([py.int(1)]));
  const one = sys.getrefcount("lt") - 1;
  py.print("new list, one name:", one);
  py.assign("lt2", "lt");
  const two = sys.getrefcount("lt") - 1;
  py.print("a second name:", two);
  py.del("lt2");
  const back = sys.getrefcount("lt") - 1;
  py.print("that name deleted:", back);

  let inFunction = Number.NaN;
  const result = py.call(() => {
    py.assign("mine", py.list([py.int(1)]));
    inFunction = sys.getrefcount("mine") - 1;
    return py.int(inFunction);
  });
  py.print("a new list in a function, one name:", result);

  py.assign("n", py.int(10));
  const smallIntCountsOne = countsOne(py, "n");
  py.print("the int 10, one name, counts 1:", smallIntCountsOne);
  const ten = py.peek("n");
  const before = ten.refcnt;
  py.assign("n2", "n");
  const smallIntAddsOne = ten.refcnt - before === 1;
  py.print("the int 10, a second name adds 1:", smallIntAddsOne);

  py.assign("s", sys.intern(py.str("pymem_c05_word")));
  const internedCountsOne = countsOne(py, "s");
  py.print("an interned str, one name, counts 1:", internedCountsOne);

  return { moduleLevel: [one, two, back], inFunction, smallIntCountsOne, smallIntAddsOne, internedCountsOne };
}

export function c05Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c05Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
