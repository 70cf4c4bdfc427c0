// X02's witness.py as a model session: getrefcount of objects held in different ways, in a function.
import { type PythonSession, python } from "@pymem/core";

export interface GetrefcountReadings {
  readonly local: number;
  readonly parameter: number;
  readonly attribute: number;
  readonly item: number;
  readonly global: number;
  readonly localTwice: number;
  readonly moduleLevel: number;
}

/** Runs the witness's program on `py` (its stdout is the prediction) and returns the readings. */
export function x02Run(py: PythonSession): GetrefcountReadings {
  const { sys } = py;
  py.defineClass({ name: "Box" });
  py.assign("shared", py.list([py.int(0)]));
  const r: Partial<Record<keyof GetrefcountReadings, number>> = {};
  const show = (key: keyof GetrefcountReadings, label: string, value: number) => {
    r[key] = value;
    py.print(label, value);
  };
  py.call(
    () => {
      py.assign("local", py.list([py.int(1)]));
      py.assign("box", py.new("Box"));
      py.setattr("box", "item", py.list([py.int(2)]));
      py.assign("items", py.list([py.list([py.int(3)])]));
      show("local", "a local bound once:", sys.getrefcount("local"));
      show("parameter", "a parameter:", sys.getrefcount("param"));
      show("attribute", "an attribute:", sys.getrefcount(py.getattr("box", "item")));
      show("item", "an item of a list:", sys.getrefcount(py.getitem("items", 0)));
      show("global", "a global bound once:", sys.getrefcount("shared"));
      py.assign("alias", "local");
      show("localTwice", "a local bound twice:", sys.getrefcount("local"));
      py.del("alias");
      return undefined;
    },
    { param: py.list([py.int(4)]) },
  );
  py.endStatement();
  show("moduleLevel", "the global, at module level:", sys.getrefcount("shared"));
  return r as GetrefcountReadings;
}

export function x02Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  x02Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
