// One model measurement in a process of its own (each case gets a fresh heap and fresh JIT
// feedback, as each native run gets a fresh process): prints one line per repeat, ns per operation,
// like native/churn.c and native/replay.c.
//   node model-case.js '{"profile":"3.11","repeats":5,"workload":{...}}'
//   node model-case.js '{"profile":"3.11","repeats":5,"traceFile":"..."}'
import { Pymalloc, profile } from "@pymem/core";
import { readCompact, TraceReplayer } from "./real-trace.js";
import { type Workload, WorkloadRunner } from "./workload.js";

export interface ModelCaseSpec {
  readonly profile: string;
  readonly repeats: number;
  readonly workload?: Workload;
  readonly traceFile?: string;
}

const spec = JSON.parse(process.argv[2] ?? "{}") as ModelCaseSpec;
const pm = new Pymalloc(profile(spec.profile));
const runner = spec.traceFile
  ? new TraceReplayer(pm, readCompact(spec.traceFile))
  : new WorkloadRunner(pm, spec.workload as Workload);
for (let r = 0; r < spec.repeats; r++) process.stdout.write(`${runner.run().toFixed(3)}\n`);
