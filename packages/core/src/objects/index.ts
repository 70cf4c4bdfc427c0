// The object layer, one room per layer. From the bottom: layout/ <- allocators/ <- heap/ <- session/;
// a room imports only rooms below it (and pymalloc, memory, profiles). Its version constants
// (ObjectProfile, objectProfile) live with the allocator's in ../profiles/.

// allocators (layer +3): free lists, 2.7's block allocators, the runtime's shared objects
export {
  BlockAllocator,
  type BlockAllocatorView,
  FreeList,
  type FreeListView,
  type GuessHook,
  type Slot,
  START_UP_ENTRIES_AT_MOST,
} from "./allocators/free-lists.js";
export { PoolOrder } from "./allocators/pool-order.js";
export { RuntimeObjects, STATIC_REGION_BASE } from "./allocators/runtime-objects.js";
// heap: reference counts, deallocation, dicts, sets, weak references, the cycle collector
export { Collector } from "./heap/collector.js";
export { DictTables } from "./heap/dicts.js";
export {
  type KeptKind,
  ObjectHeap,
  type PlacementCauses,
  POOL_ORDER_UNKNOWN,
  type SessionHooks,
  type TypeFreeLists,
} from "./heap/heap.js";
export type { GcHooks, HeapAccess } from "./heap/heap-access.js";
export { checkHeap } from "./heap/heap-invariants.js";
export { hashOf, SET_MINSIZE, SetTables } from "./heap/sets.js";
export { CannotWeakrefError, Weakrefs } from "./heap/weakrefs.js";
// layout: what an object is, and its size as formulas over the pointer size
export * from "./layout/dict-sizes.js";
export {
  type AddressLineage,
  type ClassSpec,
  type FunctionBody,
  type Kind,
  type Lifetime,
  PyObject,
  type SharedKeys,
} from "./layout/pyobject.js";
export * from "./layout/sizes.js";
// session: python("3.11"), the language specs are written in
export { GcModule, type RefcountKind, SysModule, WeakrefModule } from "./session/modules.js";
export { complexRepr, floatRepr, formatValue, repr } from "./session/repr.js";
export { type PrintArg, type PythonOptions, PythonSession, python } from "./session/session.js";
export type { Expr, SessionAccess } from "./session/session-access.js";
