// C03's witness.py as a model session: what the cycle collector of each version finds.
import { type PythonSession, python } from "@pymem/core";

export interface CollectorFacts {
  /** gc.get_threshold() at start-up. */
  readonly thresholds: readonly [number, number, number];
  /** A list holding itself: still alive after del (counting alone cannot free it)... */
  readonly selfCycleSurvivesDel: boolean;
  /** ...and what gc.collect() returned for it. */
  readonly selfCycleFound: number;
  /** Two plain instances holding each other (their __dict__s count too before 3.11). */
  readonly pairFound: number;
  /** The same pair with __del__: found, how many __del__ calls, how many left in gc.garbage. */
  readonly finalizedFound: number;
  readonly finalizerCalls: number;
  readonly garbage: number;
}

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c03Run(py: PythonSession): CollectorFacts {
  py.gc.disable();
  py.gc.collect();
  const thresholds = py.gc.get_threshold();
  py.print("thresholds", ...thresholds);

  py.assign("a", py.list([]));
  py.append("a", "a");
  const a = py.peek("a");
  py.del("a");
  const selfCycleSurvivesDel = !a.freed;
  const selfCycleFound = py.gc.collect();
  py.print("a list holding itself:", selfCycleFound, "found");

  const Plain = py.defineClass({ name: "Plain" });
  const pairFound = collectPair(py, Plain);
  py.print("two instances holding each other:", pairFound, "found");

  let finalizerCalls = 0;
  const Finalized = py.defineClass({
    name: "Finalized",
    __del__: () => {
      finalizerCalls++;
      py.print("  __del__ runs");
    },
  });
  const finalizedFound = collectPair(py, Finalized);
  const garbage = py.gc.garbageCount();
  py.print("the same with __del__:", finalizedFound, "found,", garbage, "left in gc.garbage");

  return {
    thresholds,
    selfCycleSurvivesDel,
    selfCycleFound,
    pairFound,
    finalizedFound,
    finalizerCalls,
    garbage,
  };
}

/** x = C(); y = C(); x.other = y; y.other = x; del x, y; then gc.collect(). */
function collectPair(py: PythonSession, cls: ReturnType<PythonSession["defineClass"]>): number {
  py.assign("x", py.new(cls));
  py.assign("y", py.new(cls));
  py.setattr("x", "other", "y");
  py.setattr("y", "other", "x");
  py.del("x", "y");
  return py.gc.collect();
}

export function c03Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c03Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}

/** gc.get_threshold() as Python prints the tuple, e.g. "(700, 10, 10)". */
export const thresholdText = (t: readonly number[]) => `(${t.join(", ")})`;
