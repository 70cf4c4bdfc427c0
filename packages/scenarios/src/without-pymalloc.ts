/*
 * What a claim says of the builds whose objects come from mimalloc instead of pymalloc: the
 * free-threaded builds (3.13t on, where Objects/obmalloc.c makes mimalloc the "mem" and "obj"
 * allocator under Py_GIL_DISABLED) and default 3.13+ builds run with PYTHONMALLOC=mimalloc. The model
 * has no profile of either. A claim about pymalloc alone (tag "pymalloc-only") does not apply there,
 * as those sources say and as the mimalloc runs' recordings show (test/without-pymalloc.test.ts); any
 * other claim has no verdict there. Browser-safe: the site's verdict tables show this column.
 */
import type { Claim, CpythonRef } from "./claim.js";

/** The first release with builds whose objects come from mimalloc (free-threaded, or PYTHONMALLOC=mimalloc). */
export const MIMALLOC_SINCE = "3.13";

/** does-not-apply: the claim is about pymalloc alone. not-profiled: the model cannot say. */
export type WithoutPymallocVerdict = "does-not-apply" | "not-profiled";

/** Where CPython's sources say that those builds' objects come from mimalloc. */
export const MIMALLOC_REFS: readonly CpythonRef[] = [
  {
    file: "Objects/obmalloc.c",
    symbol: "PYMEM_ALLOC, PYOBJ_ALLOC (Py_GIL_DISABLED: MIMALLOC_ALLOC, MIMALLOC_OBJALLOC)",
    versions: "3.13+",
  },
  {
    file: "Objects/obmalloc.c",
    symbol: "_PyMem_SetupAllocators (PYMEM_ALLOCATOR_MIMALLOC)",
    versions: "3.13+",
  },
];

export function withoutPymallocVerdict(claim: Pick<Claim, "tags">): WithoutPymallocVerdict {
  return claim.tags.includes("pymalloc-only") ? "does-not-apply" : "not-profiled";
}
