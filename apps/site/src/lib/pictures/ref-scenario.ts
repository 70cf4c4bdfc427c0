// The program behind the reference graph: the article's own example, a list bound to two names.
import { type PythonSession, python } from "@pymem/core";

export function listWithTwoNames(version: string): PythonSession {
  const py = python(version);
  py.assign("lt", py.list([py.int(1), py.int(2), py.int(3)]));
  py.assign("lt2", "lt");
  return py;
}
