// C08's witness.py, written as a model session: what the model says the witness prints.
import { type PythonSession, python } from "@pymem/core";

export interface C08Readings {
  readonly module: readonly [number, number];
  readonly function: readonly [number, number];
}

/** Runs the witness's program on the model and returns the four getrefcount readings. */
export function c08Readings(py: PythonSession): C08Readings {
  const { sys } = py;
  const three = () => py.list([py.int(1), py.int(2), py.int(3)]);
  py.assign("lt", three());
  py.assign("lt2", "lt");
  const m1 = sys.getrefcount("lt");
  py.del("lt2");
  const m2 = sys.getrefcount("lt");
  let f: [number, number] = [0, 0];
  py.call(() => {
    py.assign("lt", three());
    py.assign("lt2", "lt");
    const before = sys.getrefcount("lt");
    py.del("lt2");
    f = [before, sys.getrefcount("lt")];
    return undefined;
  });
  return { module: [m1, m2], function: f };
}

export function c08Output(version: string, pointerSize: 4 | 8): string {
  const r = c08Readings(python(version, { pointerSize }));
  return [
    `module level: ${r.module[0]}`,
    `after del lt2: ${r.module[1]}`,
    `in a function: ${r.function[0]} ${r.function[1]}`,
    "",
  ].join("\n");
}
