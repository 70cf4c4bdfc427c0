// @pymem/core: an executable model of CPython's memory manager.
// Layer by layer (see README.md): profiles (version constants) -> raw memory (layers -1, 0, +1) ->
// pymalloc (layer +2) -> objects: allocators and free lists (layer +3), the refcount heap with dicts,
// weakrefs and the cycle collector, and the python() session specs are written in.
export * from "./errors.js";
export {
  AddressSpace,
  ARENA_REGION_END,
  type ArenaPlacement,
  DEFAULT_ARENA_BASE,
  DEFAULT_MAX_MAPPINGS,
} from "./memory/address-space.js";
export {
  MAP_ENTRY_LIMIT,
  RAW_CHUNK_LIMIT,
  RAW_HEAP_BASE,
  RAW_HEAP_LIMIT,
  RAW_HEAP_LIMIT_32BIT,
  RawAllocator,
  type RawStats,
} from "./memory/raw-allocator.js";
export * from "./objects/index.js";
export * from "./profiles/index.js";
export * from "./pymalloc/index.js";
export * from "./trace/index.js";
