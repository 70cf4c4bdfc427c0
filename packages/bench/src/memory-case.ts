// The model's memory for many small blocks, in a process of its own so that RSS counts only this:
// allocates SIMULATED bytes of 512-byte blocks and prints the footprint and the RSS growth as JSON.
//   node --expose-gc memory-case.js PROFILE SIMULATED
import { Pymalloc, profile } from "@pymem/core";

const [id = "3.11", simulatedArg = String(2 ** 30)] = process.argv.slice(2);
const simulated = Number(simulatedArg);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const pm = new Pymalloc(profile(id));
for (let i = 0; i < simulated / 512; i++) pm.malloc(512);
gc?.();
process.stdout.write(
  `${JSON.stringify({
    simulated_bytes: simulated,
    model_bytes: pm.footprint(),
    rss_delta_bytes: process.memoryUsage().rss - rssBefore,
  })}\n`,
);
