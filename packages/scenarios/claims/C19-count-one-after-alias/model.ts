// C19's witness.py as a model session: right after `lt2 = lt`, the list's own count and what
// sys.getrefcount reports, at module level and inside a function.
// Kept: the model refuses witness.py (line 5: 'import ctypes' is not modelled yet).
import { type PythonSession, python } from "@pymem/core";

/** What the article's comment says the list's own count is right after `lt2 = lt`. */
export const ARTICLE_SAYS = 1;

export interface C19Reading {
  /** The list's own count (ob_refcnt), which the witness reads from the object's header. */
  readonly count: number;
  /** What sys.getrefcount(lt) returns there. */
  readonly getrefcount: number;
}

export interface C19Facts {
  readonly module: C19Reading;
  readonly function: C19Reading;
}

/** Runs the witness's program on `py`, statement by statement; its stdout is the prediction. */
export function c19Run(py: PythonSession): C19Facts {
  const read = (): C19Reading => {
    py.assign("lt", py.list([py.int(1), py.int(2), py.int(3)]));
    py.assign("lt2", "lt");
    return { count: py.peek("lt").refcnt, getrefcount: py.sys.getrefcount("lt") };
  };
  const module = read();
  py.print("module level: count", module.count, "getrefcount", module.getrefcount);
  let inFunction: C19Reading = module;
  py.call(() => {
    inFunction = read();
    return undefined;
  });
  py.print("in a function: count", inFunction.count, "getrefcount", inFunction.getrefcount);
  py.print(
    `count ${ARTICLE_SAYS} there, as the article's comment says:`,
    module.count === ARTICLE_SAYS,
    inFunction.count === ARTICLE_SAYS,
  );
  return { module, function: inFunction };
}

export function c19Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c19Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
