// What the figures were measured on.
import { cpus, totalmem } from "node:os";

export interface Machine {
  readonly cpus: number;
  readonly cpu: string;
  readonly memory_bytes: number;
  readonly node: string;
  readonly platform: string;
}

export function machine(): Machine {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "?",
    memory_bytes: totalmem(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
