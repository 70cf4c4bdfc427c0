// The model of cases/longs.py.
import { type PyObject, type PythonSession, repr } from "@pymem/core";

const VALUES = [
  "0",
  "1",
  "1073741823",
  "1073741824",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775808",
  "-9223372036854775809",
  "340282366920938463463374607431768211456",
];

export function longs(py: PythonSession): void {
  const typeName = (o: PyObject) => (o.kind === "long" ? "long" : "int");
  for (const text of VALUES) {
    py.assign("v", py.int(BigInt(text)));
    const v = py.peek("v");
    py.print(text, typeName(v), py.sys.getsizeof("v"), repr(py.list(["v"]), py.profile));
  }
  if (py.profile.python[0] !== 2) return;
  for (const text of ["0", "1", "1073741824", "-1"]) {
    py.assign("v", py.long(BigInt(text)));
    py.print("long", text, py.sys.getsizeof("v"), py.is("v", py.long(BigInt(text))), py.load("v"));
  }
}
