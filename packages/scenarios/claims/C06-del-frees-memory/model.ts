// C06's witness.py as a model session: what a count reaching zero does, with and without __del__.
import { type PythonSession, python } from "@pymem/core";

export interface ZeroCountFacts {
  /** __del__ ran at `del p`, before the next statement. */
  readonly delRanAtOnce: boolean;
  /** A list (no __del__ at all) was freed at del, and the next list got its memory. */
  readonly freedWithoutDel: boolean;
  /** Objects __del__ stored somewhere: still alive after their count reached zero. */
  readonly resurrected: number;
  /** How often __del__ ran once the resurrected object's count reached zero a second time. */
  readonly finalizerCalls: number;
}

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c06Run(py: PythonSession): ZeroCountFacts {
  py.gc.disable();
  const Person = py.defineClass({ name: "Person", __del__: () => py.print("__del__ runs") });
  py.assign("p", py.new(Person));
  const person = py.peek("p");
  py.del("p");
  const delRanAtOnce = person.freed && py.stdout.at(-1) === "__del__ runs";
  py.print("after del p");

  py.assign("lst", py.list([py.int(1000)]));
  const address = py.id("lst");
  const lst = py.peek("lst");
  py.del("lst");
  const freedWithoutDel = lst.freed && py.id(py.list([py.int(2000)])) === address;
  py.print("a list (no __del__) is freed; the next list gets its memory:", freedWithoutDel);

  py.assign("saved", py.list([]));
  py.assign("calls", py.list([]));
  const Phoenix = py.defineClass({
    name: "Phoenix",
    __del__: (self) => {
      if (py.peek("calls").items.length === 0) py.append("saved", self);
      py.append("calls", py.int(1));
    },
  });
  py.assign("x", py.new(Phoenix));
  py.del("x");
  const resurrected = py.peek("saved").items.length;
  py.print("still alive after __del__ stored it:", resurrected);
  py.clear("saved");
  const finalizerCalls = py.peek("calls").items.length;
  py.print("__del__ calls after its count reached zero twice:", finalizerCalls);

  return { delRanAtOnce, freedWithoutDel, resurrected, finalizerCalls };
}

export function c06Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c06Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
