// The model of cases/dicts.py.
import type { PyObject, PythonSession } from "@pymem/core";

const SIZES = 101;

export function dicts(py: PythonSession): void {
  py.assign("n", py.int(7));
  py.assign("names", py.list(Array.from({ length: SIZES }, (_, i) => py.str(`k${i}`))));
  const name = (i: number) => py.getitem("names", i);
  // def inserted(k, key): d = {}; d[key(i)] = n for each i; return d
  const inserted = (k: number, key: (i: number) => PyObject) =>
    py.call(() => {
      py.assign("d", py.dict([]));
      for (let i = 0; i < k; i++) py.setitem("d", key(i), "n");
      return "d";
    });
  // Each size is measured in a statement of its own, so every dict dies before the next is built.
  const show = (label: string, build: (k: number) => PyObject) => {
    const sizes: number[] = [];
    for (let k = 0; k < SIZES; k++) {
      sizes.push(py.sys.getsizeof(build(k)));
      py.endStatement();
    }
    py.print(label, ...sizes);
  };
  show("inserted str", (k) => inserted(k, name));
  show("inserted int", (k) => inserted(k, (i) => py.int(1000 + i)));
  show("literal", (k) => py.dict(Array.from({ length: k }, (_, i) => [name(i), "n"] as [PyObject, string])));
  show("dict(pairs)", (k) =>
    py.dictCall(py.list(Array.from({ length: k }, (_, i) => py.tuple([name(i), "n"])))),
  );
  show("dict(dict)", (k) => py.dictCall(inserted(k, name)));

  py.assign(
    "d",
    py.dict([
      [py.str("a"), "n"],
      [py.str("b"), "n"],
      [py.str("c"), "n"],
    ]),
  );
  const before = py.sys.getsizeof("d");
  py.setitem("d", "n", "n");
  py.print("str keys, then an int key", before, py.sys.getsizeof("d"));
}
