// The model of cases/instance-dicts.py.
import type { PythonSession } from "@pymem/core";

export function instanceDicts(py: PythonSession): void {
  py.assign("n", py.int(7));
  if (py.profile.instanceAttributes === "inline-values") {
    py.print("3.11+: attributes live in the object, __dict__ is built on demand");
    return;
  }
  for (const k of [0, 1, 5, 6, 10, 11, 21, 22, 29]) {
    const C = py.defineClass({ name: "C" });
    const sizes: number[] = [];
    for (let j = 0; j < 3; j++) {
      py.assign("o", py.new(C));
      for (let i = 0; i < k; i++) py.setattr("o", `a${i}`, "n");
      sizes.push(py.sys.getsizeof(py.getattr("o", "__dict__")));
      py.endStatement();
    }
    py.print(k, "attributes, three instances:", ...sizes);
  }
  const D = py.defineClass({ name: "D" });
  py.assign("x", py.new(D));
  py.setattr("x", "a", "n");
  py.setattr("x", "b", "n");
  py.assign("y", py.new(D));
  py.setattr("y", "b", "n");
  py.setattr("y", "a", "n");
  py.print(
    "same names, other order",
    py.sys.getsizeof(py.getattr("x", "__dict__")),
    py.sys.getsizeof(py.getattr("y", "__dict__")),
  );
  py.assign("z", py.new(D));
  py.assign("d", py.getattr("z", "__dict__"));
  const empty = py.sys.getsizeof("d");
  py.setattr("z", "a", "n");
  py.print("after the class stopped sharing", empty, py.sys.getsizeof("d"));
}
