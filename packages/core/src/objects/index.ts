export { Collector } from "./collector.js";
export * from "./dict-layout.js";
export { DictTables } from "./dicts.js";
export { BlockAllocator, FreeList, type Slot } from "./freelists.js";
export { type GcHooks, ObjectHeap } from "./heap.js";
export { checkHeap } from "./heap-invariants.js";
export * from "./layout.js";
export { GcModule, type RefcountKind, SysModule, WeakrefModule } from "./modules.js";
export type {
  CollectorProfile,
  DictProfile,
  FreeListLimits,
  ObjectProfile,
  RefcountProfile,
  WeakrefProfile,
} from "./profile.js";
export {
  type ClassSpec,
  type FunctionBody,
  type Kind,
  type Lifetime,
  PyObject,
  type SharedKeys,
} from "./pyobject.js";
export { floatRepr, formatValue, repr } from "./repr.js";
export { RuntimeObjects, STATIC_REGION_BASE } from "./runtime-objects.js";
export { type Expr, type PrintArg, type PythonOptions, PythonSession, python } from "./session.js";
export { objectProfile } from "./versions.js";
export { CannotWeakrefError, Weakrefs } from "./weakrefs.js";
