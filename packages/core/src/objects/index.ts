export { Collector } from "./collector.js";
export { BlockAllocator, FreeList, type Slot } from "./freelists.js";
export { type GcHooks, ObjectHeap } from "./heap.js";
export { checkHeap } from "./heap-invariants.js";
export * from "./layout.js";
export type { CollectorProfile, FreeListLimits, ObjectProfile, RefcountProfile } from "./profile.js";
export { type ClassSpec, type Kind, type Lifetime, PyObject } from "./pyobject.js";
export { floatRepr, formatValue, repr } from "./repr.js";
export { RuntimeObjects, STATIC_REGION_BASE } from "./runtime-objects.js";
export {
  type Expr,
  GcModule,
  type PrintArg,
  type PythonOptions,
  PythonSession,
  python,
  type RefcountKind,
  SysModule,
} from "./session.js";
export { objectProfile } from "./versions.js";
