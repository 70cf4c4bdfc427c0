// The model of cases/weakrefs.py.
import { CannotWeakrefError, type Expr, type PythonSession } from "@pymem/core";

export function weakrefs(py: PythonSession): void {
  py.gc.disable();
  py.gc.collect();
  const C = py.defineClass({ name: "C" });
  // show(r): "dead" if r() is None else "alive"
  const show = (r: Expr) => (py.callRef(r).kind === "none" ? "dead" : "alive");
  py.def("cb1", (w) => {
    py.print("cb1", show(w));
    return undefined;
  });
  py.def("cb2", (w) => {
    py.print("cb2", show(w));
    return undefined;
  });
  py.print(
    "sizes: weakref",
    py.sys.getsizeof(py.weakref.ref(py.new(C))),
    "function",
    py.sys.getsizeof("cb1"),
  );

  py.assign("o", py.new(C));
  py.assign("r", py.weakref.ref("o"));
  py.print(
    "shared",
    py.is(py.weakref.ref("o"), "r"),
    "count",
    py.weakref.getweakrefcount("o"),
    "tracked",
    py.gc.is_tracked("r"),
  );
  py.assign("r1", py.weakref.ref("o", "cb1"));
  py.assign("r2", py.weakref.ref("o", "cb2"));
  py.print("with callbacks", !py.is("r1", "r2"), "count", py.weakref.getweakrefcount("o"));
  py.del("o");
  py.print("after del", show("r"), show("r1"), show("r2"));

  const D = py.defineClass({ name: "D", __del__: () => py.print("D.__del__ sees", show("rd")) });
  py.assign("x", py.new(D));
  const dCallback = py.lambda((w) => {
    py.print("D callback", show(w));
    return undefined;
  });
  py.assign("rd", py.weakref.ref("x", dCallback));
  py.del("x");

  py.assign("saved", py.list([]));
  const P = py.defineClass({
    name: "P",
    __del__: (self) => {
      py.append("saved", self);
      py.print("P.__del__ sees", show("rp"));
    },
  });
  py.assign("p", py.new(P));
  py.assign(
    "rp",
    py.weakref.ref(
      "p",
      py.lambda(() => print(py, "P callback")),
    ),
  );
  py.del("p");
  py.print("resurrected", py.peek("saved").items.length, show("rp"));
  py.clear("saved");
  py.print("second death", show("rp"));

  py.assign("made", py.list([]));
  py.def("late", () => print(py, "callback of the weakref __del__ made"));
  const M = py.defineClass({ name: "M", __del__: (self) => py.append("made", py.weakref.ref(self, "late")) });
  py.assign("m", py.new(M));
  py.del("m");
  py.print("weakref made by __del__", show(py.getitem("made", 0)));

  cycle(py, C, C);
  py.assign(
    "ra",
    py.weakref.ref(
      "a",
      py.lambda((w) => print(py, "cycle callback", show(w))),
    ),
  );
  py.del("a", "b");
  py.print("cycle", py.gc.collect(), show("ra"));

  const E = py.defineClass({
    name: "E",
    __del__: () => py.print("E.__del__ sees", show("re_plain"), show("re_cb")),
  });
  cycle(py, E, E);
  py.assign("re_plain", py.weakref.ref("a"));
  py.assign(
    "re_cb",
    py.weakref.ref(
      "a",
      py.lambda(() => print(py, "E callback")),
    ),
  );
  py.del("a", "b");
  const found = py.gc.collect();
  py.print("cycle with __del__", found, show("re_plain"), show("re_cb"), "garbage", py.gc.garbageCount());

  const R = py.defineClass({ name: "R", __del__: (self) => py.append("saved", self) });
  cycle(py, R, R);
  py.assign("rr_plain", py.weakref.ref("a"));
  py.assign(
    "rr_cb",
    py.weakref.ref(
      "b",
      py.lambda(() => print(py, "R callback")),
    ),
  );
  py.del("a", "b");
  const revived = py.gc.collect();
  py.print("resurrected cycle", revived, show("rr_plain"), show("rr_cb"), py.peek("saved").items.length);
  py.clear("saved");
  const later = py.gc.collect();
  py.print("collected later", later, show("rr_plain"));

  cycle(py, C, C);
  py.setattr(
    "a",
    "w",
    py.weakref.ref(
      "b",
      py.lambda(() => print(py, "never called")),
    ),
  );
  py.del("a", "b");
  py.print("weakref in the cycle", py.gc.collect());

  py.assign("keep", py.new(C));
  const F = py.defineClass({
    name: "F",
    __del__: (self) => py.print("F.__del__ sees the cycle's weakref", show(py.getattr(self, "w"))),
  });
  cycle(py, F, C);
  py.setattr("a", "w", py.weakref.ref("keep"));
  py.del("a", "b");
  const toLive = py.gc.collect();
  py.print("weakref in the cycle to a live object", toLive, show(py.weakref.ref("keep")));

  py.assign("holder", py.list([]));
  py.def("drop", () => {
    py.clear("holder");
    return undefined;
  });
  cycle(py, C, C);
  py.append("holder", py.weakref.ref("a", "drop"));
  py.del("a", "b");
  const withFreedRef = py.gc.collect();
  py.print("a callback frees its weakref", withFreedRef, py.peek("holder").items.length);

  const S = py.defineClass({ name: "S", slots: ["a"] });
  for (const [name, make] of [
    ["S", () => py.new(S)],
    ["list", () => py.list([])],
  ] as const) {
    try {
      py.weakref.ref(make());
    } catch (e) {
      if (!(e instanceof CannotWeakrefError)) throw e;
      py.print("no weakref to", name);
    }
  }
}

/** a = A(); b = B(); a.b = b; b.a = a */
function cycle(py: PythonSession, A: Expr, B: Expr): void {
  py.assign("a", py.new(A));
  py.assign("b", py.new(B));
  py.setattr("a", "b", "b");
  py.setattr("b", "a", "a");
}

/** A lambda body that prints: print(...) returns None. */
function print(py: PythonSession, ...args: (string | number)[]): undefined {
  py.print(...args);
  return undefined;
}
