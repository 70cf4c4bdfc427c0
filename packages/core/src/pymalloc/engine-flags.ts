/*
 * How V8 should compile the allocator: the engine flags the project's own Node processes that run
 * the model at scale pass (the `pymem` CLI, the benchmark's model processes). Data only, so that the
 * browser bundle can import this module too; a browser runs the model under its engine's defaults.
 *
 * Why: the hot paths are written so that V8 inlines them into their callers (see pymalloc.ts), and
 * V8 inlines by bytecode size. By default a function of more than 460 bytes of bytecode is never
 * inlined and a caller takes at most 920 bytes in all. malloc (270 bytes, 478 with poolExtend) and
 * free (320) fill most of that budget, so:
 *   - allocateFromNewPool (583 bytes) and insertToFreepool (553) stay calls, and the lifo trace,
 *     which runs both every step, pays two calls a step;
 *   - with large live sets, where free often calls insertToUsedpool (120 bytes), V8 inlined free
 *     with it first and then had no budget left for malloc, which stayed a call.
 * With the limits below, all of them inline. Measured with `pnpm bench` (2-core AMD EPYC VM, Node
 * 24.21, 24 November 2026; this run against the full run before it, same code), ns per allocator call:
 * churn of 1M blocks 85.5 -> 52.1 (1-64 B) and 146.9 -> 91.1 (1-512 B); of 10M blocks 185.1 -> 112.6
 * and 257.4 -> 148.7; of 64K blocks 18.8 -> 15.5 and 23.5 -> 18.5; lifo 16.2-16.7 -> 13.3-13.8;
 * realloc 34.7 -> 24.3 (1K blocks); churn of 16 and 1K blocks and the recorded program unchanged.
 *
 * Sizes are of Node 24's bytecode (`node --print-bytecode`). packages/bench/test/inlining.test.ts
 * checks that the benchmark's loops inline all of these under the flags, so a function that outgrows
 * them fails a test rather than quietly costing a call a step.
 */

/** V8 flags for Node processes that run the model's allocator hot (see the comment above). */
export const V8_INLINING_FLAGS: readonly string[] = [
  // Largest function inlined, bytes of bytecode (default 460): allocateFromNewPool is 583.
  "--max-inlined-bytecode-size=600",
  // Bytecode inlined into one function in all (default 920): a loop that runs every path of malloc
  // and free inlines ~2,000 (V8 counts a callee's own inlined code again, and reserves 1.2x).
  "--max-inlined-bytecode-size-cumulative=3000",
];
