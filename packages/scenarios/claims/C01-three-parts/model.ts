// C01's witness.py as a model session, and the facts about the three parts that the spec judges.
import { allocatedBlocks, type PythonSession, python } from "@pymem/core";

export interface ThreePartsFacts {
  /** Reference counting: del of the last name ran __del__ and freed the object before the next line. */
  readonly countsFreeAtOnce: boolean;
  /** The collector: a list holding itself was still alive after del, and gc.collect() freed it. */
  readonly cycleNeedsCollector: boolean;
  /** What gc.collect() returned for that list. */
  readonly collectorFound: number;
  /** Memory pools: the instance's memory was a pymalloc block inside an arena. */
  readonly instanceFromPools: boolean;
  /** A freed float's memory went to the next float... */
  readonly floatMemoryReused: boolean;
  /** ...without going back to pymalloc: kept by the float's own free list (layer +3). */
  readonly floatKeptOutsidePools: boolean;
}

/** Runs the witness's program on `py`; its stdout is the prediction. */
export function c01Run(py: PythonSession): ThreePartsFacts {
  py.gc.disable();
  py.gc.collect();
  const Tracked = py.defineClass({ name: "Tracked", __del__: () => py.print("  __del__ runs") });

  py.print("reference counting: del of the last name");
  py.assign("t", py.new(Tracked));
  const t = py.peek("t");
  const instanceFromPools = py.pm.locate(t.block) !== undefined;
  py.del("t");
  const countsFreeAtOnce = t.freed;
  py.print("  next statement");

  py.print("cycle collector: a list that holds itself, after del");
  py.assign("a", py.list([]));
  py.append("a", "a");
  const a = py.peek("a");
  py.del("a");
  const survivedDel = !a.freed;
  const collectorFound = py.gc.collect();
  py.print("  gc.collect() found", collectorFound);

  py.print("memory kept for reuse: a freed float");
  py.assign("x", py.float(1.5));
  const address = py.id("x");
  const blocks = allocatedBlocks(py.pm);
  py.del("x");
  const floatKeptOutsidePools = allocatedBlocks(py.pm) === blocks;
  const floatMemoryReused = py.id(py.float(2.5)) === address;
  py.print("  the next float gets its memory:", floatMemoryReused);

  return {
    countsFreeAtOnce,
    cycleNeedsCollector: survivedDel && a.freed,
    collectorFound,
    instanceFromPools,
    floatMemoryReused,
    floatKeptOutsidePools,
  };
}

export function c01Output(version: string, pointerSize: 4 | 8): string {
  const py = python(version, { pointerSize });
  c01Run(py);
  return py.stdout.map((line) => `${line}\n`).join("");
}
