// C09's witness.py as a model session.
import { python } from "@pymem/core";

export function c09Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  const Person = py.defineClass({ name: "Person", __del__: () => py.print("__del__ runs") });
  py.assign("p", py.new(Person));
  py.print("getrefcount:", py.sys.getrefcount("p"));
  py.del("p");
  py.print("over");
  return py.stdout.map((l) => `${l}\n`).join("");
}
