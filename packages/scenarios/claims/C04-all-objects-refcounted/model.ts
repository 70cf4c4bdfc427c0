// C04's witness.py as a model session: whose counts move when a name is added, and what counts cannot free.
import { type PyObject, type PythonSession, python } from "@pymem/core";

export interface RefcountedFacts {
  /** Does binding one more name change the count? A new list, a new float, the int 10, None. */
  readonly listMoves: boolean;
  readonly floatMoves: boolean;
  readonly smallIntMoves: boolean;
  readonly noneMoves: boolean;
  /** A list holding itself: alive after del, and what the collector then found. */
  readonly cycleSurvivesDel: boolean;
  readonly collectorFound: number;
}

/**
 * `name = value; before = count; second = name; after = count`: did the count move? Read from the
 * model's heap, so it works for objects whose getrefcount value the model does not know (runtime-held).
 */
function moves(py: PythonSession, name: string, value: PyObject, second: string): boolean {
  py.assign(name, value);
  const o = py.peek(name);
  const before = o.refcnt;
  py.assign(second, name);
  return o.refcnt !== before;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c04Run(py: PythonSession): RefcountedFacts {
  py.gc.disable();
  py.gc.collect();
  const listMoves = moves(py, "lt", py.list([py.int(1)]), "lt2");
  py.print("a new list count moves:", yesNo(listMoves));
  const floatMoves = moves(py, "f", py.float(1.5), "f2");
  py.print("a new float count moves:", yesNo(floatMoves));
  const smallIntMoves = moves(py, "n", py.int(10), "n2");
  py.print("the int 10 count moves:", yesNo(smallIntMoves));
  // `nothing = None` loads the shared None itself: compare its count before and after the binding.
  const none = py.heap.runtime.none;
  const before = none.refcnt;
  py.assign("nothing", py.none());
  const noneMoves = none.refcnt !== before;
  py.print("None count moves:", yesNo(noneMoves));

  py.assign("a", py.list([]));
  py.append("a", "a");
  const a = py.peek("a");
  py.del("a");
  const cycleSurvivesDel = !a.freed;
  const collectorFound = py.gc.collect();
  py.print("a list holding itself, left after del; the collector found", collectorFound);
  return { listMoves, floatMoves, smallIntMoves, noneMoves, cycleSurvivesDel, collectorFound };
}

export function c04Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c04Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
