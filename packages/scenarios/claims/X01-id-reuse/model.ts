// X01's witness.py as a model session: which objects end up with the same id().
import { type PythonSession, python } from "@pymem/core";

export interface IdReuseFacts {
  /** Two objects alive at the same time never share an id. */
  readonly liveObjectsDiffer: boolean;
  /** id([]) == id([]): the first list died before the second was made, and gave it its address. */
  readonly temporariesShare: boolean;
  /** A freed list's id goes to the next list (the list free list). */
  readonly freeListReuse: boolean;
  /** A freed tuple's id goes to a new dict (it never does: the tuple waits on its own free list). */
  readonly otherTypeReuse: boolean;
  /** pymalloc builds only: id(object()) == id(object()), and LIFO reuse of the freed blocks. */
  readonly pymalloc?: { readonly temporariesShare: boolean; readonly lastFreedFirst: readonly boolean[] };
}

/** Runs the witness's program on `py` (its stdout is the prediction). */
export function x01Run(py: PythonSession, hasPymalloc: boolean): IdReuseFacts {
  const idOf = (name: string) => py.peek(name).value;
  py.assign("a", py.list([py.int(1)]));
  py.assign("b", py.list([py.int(1)]));
  const liveObjectsDiffer = py.id("a") !== py.id("b");
  py.print("two live lists with equal items, same id:", !liveObjectsDiffer);
  py.print("[] is []:", py.is(py.list([]), py.list([])));
  // Two calls, each with its own temporary: the first list dies when id() returns.
  const firstListId = py.id(py.list([]));
  const temporariesShare = firstListId === py.id(py.list([]));
  py.print("id([]) == id([]):", temporariesShare);

  py.assign("address", py.int(py.id("a")));
  py.del("a");
  py.assign("c", py.list([py.int(2), py.int(3)]));
  const freeListReuse = BigInt(py.id("c")) === idOf("address");
  py.print("a new list takes the id of the list freed just before:", freeListReuse);

  py.assign("t", py.tuple([py.int(1), py.int(2), py.int(3)]));
  py.assign("address", py.int(py.id("t")));
  py.del("t");
  py.assign("d", py.dict([]));
  const otherTypeReuse = BigInt(py.id("d")) === idOf("address");
  py.print("a new dict takes the id of a freed tuple:", otherTypeReuse);

  if (!hasPymalloc) {
    py.print("(object() lines skipped: Pyodide is built without pymalloc)");
    return { liveObjectsDiffer, temporariesShare, freeListReuse, otherTypeReuse };
  }
  const firstObjectId = py.id(py.object());
  const objectsShare = firstObjectId === py.id(py.object());
  py.print("id(object()) == id(object()):", objectsShare);
  py.assign("x", py.object());
  py.assign("y", py.object());
  py.assign("x_address", py.int(py.id("x")));
  py.assign("y_address", py.int(py.id("y")));
  py.del("x");
  py.del("y");
  py.assign("p", py.object());
  py.assign("q", py.object());
  const lastFreedFirst = [BigInt(py.id("p")) === idOf("y_address"), BigInt(py.id("q")) === idOf("x_address")];
  py.print("the block freed last is reused first:", ...lastFreedFirst);
  return {
    liveObjectsDiffer,
    temporariesShare,
    freeListReuse,
    otherTypeReuse,
    pymalloc: { temporariesShare: objectsShare, lastFreedFirst },
  };
}

export function x01Output(version: string, pointerSize: 4 | 8, hasPymalloc: boolean): string {
  const py = python(version, { pointerSize });
  x01Run(py, hasPymalloc);
  return py.stdout.map((line) => `${line}\n`).join("");
}
