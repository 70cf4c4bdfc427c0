// The object layer's witnesses: each cases/NAME.py beside a model of the same program written with
// @pymem/core's python() session. The test runs the witness on every interpreter and expects the
// model, built for that interpreter's version and pointer size, to print the same lines.
import type { PyObject, PythonSession } from "@pymem/core";
import { dicts } from "./models/dicts.js";
import { instanceDicts } from "./models/instance-dicts.js";
import { longs } from "./models/longs.js";
import { weakrefs } from "./models/weakrefs.js";

export interface ObjectCase {
  readonly name: string;
  /** What the case shows, for the test's title. */
  readonly about: string;
  /** The same program as cases/NAME.py, on the model. */
  readonly model: (py: PythonSession) => void;
}

const sizes = (py: PythonSession) => {
  const C = py.defineClass({ name: "C" });
  const S = py.defineClass({ name: "S", slots: ["a", "b"] });
  py.assign("n", py.int(7));
  for (const text of ["0", "1", "1000", "1073741824", "1152921504606846976", "-1099511627776"]) {
    py.print("int", text, py.sys.getsizeof(py.int(BigInt(text))));
  }
  py.print("float", py.sys.getsizeof(py.float(1.5)));
  py.print("str ascii", py.sys.getsizeof(py.str("")), py.sys.getsizeof(py.str("abc")));
  py.print("str latin-1", py.sys.getsizeof(py.str("\xe9\xe9\xe9")));
  py.print("bytes", py.sys.getsizeof(py.bytes("abc")));
  py.print(
    "tuple",
    py.sys.getsizeof(py.tuple([])),
    py.sys.getsizeof(py.tuple(["n"])),
    py.sys.getsizeof(py.tuple(["n", "n", "n"])),
  );
  py.print("list", py.sys.getsizeof(py.list([])), py.sys.getsizeof(py.list(["n", "n", "n"])));
  py.assign("grown", py.list([]));
  const grown: number[] = [];
  for (let i = 0; i < 12; i++) {
    py.append("grown", "n");
    grown.push(py.sys.getsizeof("grown"));
  }
  py.print("list appends", ...grown);
  const dictSize = (keys: string[]) =>
    py.sys.getsizeof(
      py.dict(keys.map((k) => [py.str(k), "n"] as [string | ReturnType<PythonSession["str"]>, string])),
    );
  const empty = dictSize([]);
  const one = dictSize(["a"]);
  const five = dictSize(["a", "b", "c", "d", "e"]);
  const ints = py.sys.getsizeof(py.dict([["n", "n"]]));
  py.print("dict", empty, one, five, ints);
  py.print(
    "instance",
    py.sys.getsizeof(py.new(C)),
    py.sys.getsizeof(py.new(S)),
    py.sys.getsizeof(py.object()),
  );
};

const refcounts = (py: PythonSession) => {
  const { sys } = py;
  py.assign("lt", py.list([py.int(1), py.int(2)]));
  py.print("one name", sys.getrefcount("lt"));
  py.assign("lt2", "lt");
  py.print("two names", sys.getrefcount("lt"));
  py.assign("holder", py.list(["lt", "lt"]));
  py.print("two more in a list", sys.getrefcount("lt"));
  py.del("holder");
  py.del("lt2");
  py.print("back to one", sys.getrefcount("lt"));
  py.print("a temporary", sys.getrefcount(py.object()));
  const local = py.call(() => {
    py.assign("a", py.list([py.int(1)]));
    return py.int(sys.getrefcount("a"));
  });
  py.print("a local", local);
};

const finalizers = (py: PythonSession) => {
  py.gc.disable();
  const Person = py.defineClass({ name: "Person", __del__: () => py.print("__del__") });
  py.assign("p", py.new(Person));
  py.del("p");
  py.print("after del");
  py.assign("saved", py.list([]));
  py.assign("calls", py.list([]));
  const Phoenix = py.defineClass({
    name: "Phoenix",
    __del__: (self) => {
      py.append("calls", py.int(1));
      py.append("saved", self);
    },
  });
  py.assign("x", py.new(Phoenix));
  py.del("x");
  py.print("resurrected", py.peek("saved").items.length);
  py.clear("saved");
  py.print("finalizer calls", py.peek("calls").items.length);
};

const cycles = (py: PythonSession) => {
  py.gc.disable();
  py.gc.collect();
  py.print("threshold", ...py.gc.get_threshold());
  py.assign("a", py.list([]));
  py.append("a", "a");
  py.del("a");
  py.print("self list", py.gc.collect());
  const C = py.defineClass({ name: "C" });
  py.assign("x", py.new(C));
  py.assign("y", py.new(C));
  py.setattr("x", "other", "y");
  py.setattr("y", "other", "x");
  py.del("x", "y");
  py.print("two instances", py.gc.collect());
  const D = py.defineClass({ name: "D", __del__: () => py.print("__del__") });
  py.assign("x", py.new(D));
  py.assign("y", py.new(D));
  py.setattr("x", "other", "y");
  py.setattr("y", "other", "x");
  py.del("x", "y");
  const found = py.gc.collect();
  py.print("two with __del__", found, "garbage", py.gc.garbageCount());
};

const reuse = (py: PythonSession) => {
  py.gc.disable();
  py.assign("a", py.float(1.5));
  let i = py.id("a");
  py.del("a");
  py.print("float", py.id(py.float(2.5)) === i);
  py.assign("n", py.int(5));
  py.assign("t", py.tuple(["n", "n", "n"]));
  i = py.id("t");
  py.del("t");
  py.print("tuple", py.id(py.tuple(["n", "n", "n"])) === i);
  py.assign("l", py.list(["n"]));
  i = py.id("l");
  py.del("l");
  py.print("list", py.id(py.list(["n"])) === i);
  py.print("small ints", py.is(py.int(256), py.int(256)), py.is(py.int(-5), py.int(-5)));
  py.print("large ints", py.is(py.int(257), py.int(257)), py.is(py.int(-6), py.int(-6)));
  py.print("latin-1 chars", py.is(py.str("\xc8"), py.str("\xc8")));
};

const shared = (py: PythonSession) => {
  const kind = (k: string) => (k === "counted" ? "runtime-held" : k);
  py.print("small int", kind(py.sys.refcountKind(py.int(10))));
  py.print("None", kind(py.sys.refcountKind(py.none())));
  py.print("empty tuple", kind(py.sys.refcountKind(py.tuple([]))));
  py.print("latin-1 char", kind(py.sys.refcountKind(py.str("a"))));
  py.assign("s", py.sys.intern(py.str("interned")));
  const k = py.sys.refcountKind("s");
  py.print("interned str", k === "counted" ? py.sys.getrefcount("s") : k);
  const [major, minor] = py.profile.python;
  if (major * 100 + minor >= 312) {
    const count = (o: PyObject) => py.sys.getrefcount(o);
    py.print("immortal counts", count(py.none()), count(py.int(10)), count(py.tuple([])));
  } else py.print("immortal counts", "none before 3.12");
};

export const OBJECT_CASES: readonly ObjectCase[] = [
  {
    name: "sizes",
    about: "sys.getsizeof of ints, floats, str, bytes, tuples, lists, dicts, instances",
    model: sizes,
  },
  {
    name: "refcounts",
    about: "getrefcount with names, containers, temporaries and locals",
    model: refcounts,
  },
  {
    name: "finalizers",
    about: "__del__ on the last reference, resurrection, how often it runs",
    model: finalizers,
  },
  { name: "cycles", about: "gc.collect() on cycles, instance dicts, __del__ and gc.garbage", model: cycles },
  {
    name: "reuse",
    about: "free lists give back the last freed object's address; cached ints and chars",
    model: reuse,
  },
  { name: "shared", about: "what getrefcount means for runtime-shared objects", model: shared },
  {
    name: "weakrefs",
    about: "weakrefs and callbacks around __del__, resurrection and cycles; weakref and function sizes",
    model: weakrefs,
  },
  {
    name: "dicts",
    about: "getsizeof of dicts of 0 to 100 items: inserted, literal, dict(pairs), dict(dict)",
    model: dicts,
  },
  {
    name: "instance-dicts",
    about: "obj.__dict__ of split tables sharing their class's keys (3.3 - 3.10)",
    model: instanceDicts,
  },
  { name: "longs", about: "2.7's long beyond a C long, its sizes and digits; 3.x ints", model: longs },
];
