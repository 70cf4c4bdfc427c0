// @pymem/core: an executable model of CPython's memory manager.
// Layer by layer (see docs/architecture.md): profiles (version constants) -> raw memory ->
// pymalloc -> object allocators and free lists -> refcounts and the cycle collector.
export * from "./profiles/index.js";
