// C09's witness.py as a model session.
import { type PythonSession, python } from "@pymem/core";

export interface C09Readings {
  /** `class Person:` makes a classic class on 2.x (Objects/classobject.c); 3.0 removed them. */
  readonly classic: boolean;
  /** getrefcount(p) at module level and inside a function. */
  readonly module: number;
  readonly function: number;
  /** __del__ ran before the print that follows `del p`, in both scopes. */
  readonly delBeforeNextLine: boolean;
}

/**
 * Runs the witness's program on `py`. A classic instance is modelled as a new-style one: what the
 * witness prints is the same for both (instance_dealloc, like subtype_dealloc, calls __del__ at zero).
 */
export function c09Run(py: PythonSession): C09Readings {
  const Person = py.defineClass({ name: "Person", __del__: () => py.print("__del__ runs") });
  const classic = py.profile.python[0] === 2;
  py.print("a classic (old-style) class:", classic);
  let order = true;
  const delThenOver = (): void => {
    const before = py.stdout.length;
    py.del("p");
    order &&= py.stdout.at(-1) === "__del__ runs" && py.stdout.length === before + 1;
    py.print("over");
  };
  py.assign("p", py.new(Person));
  const module = py.sys.getrefcount("p");
  py.print("module level, getrefcount:", module);
  delThenOver();
  let inFunction = 0;
  py.call(() => {
    py.assign("p", py.new(Person));
    inFunction = py.sys.getrefcount("p");
    py.print("in a function, getrefcount:", inFunction);
    delThenOver();
    return undefined;
  });
  return { classic, module, function: inFunction, delBeforeNextLine: order };
}

export function c09Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c09Run(py);
  return py.stdout.map((l) => `${l}\n`).join("");
}
