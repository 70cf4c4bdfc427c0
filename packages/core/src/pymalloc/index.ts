export { V8_INLINING_FLAGS } from "./engine-flags.js";
export type { AllocatorEvent, AllocatorListener } from "./events.js";
export { type CheckOptions, checkInvariants, InvariantViolation } from "./invariants.js";
export {
  type BlockLocation,
  DUMMY_SIZE_IDX,
  INITIAL_ARENA_OBJECTS,
  LIVE,
  NIL,
  observeAllocators,
  Pymalloc,
  type PymallocOptions,
} from "./pymalloc.js";
export { RadixTree } from "./radix-tree.js";
export {
  allocatedBlocks,
  debugMallocStats,
  numBlocks,
  printone,
  type SizeClassUsage,
  sizeClassUsage,
} from "./stats.js";
