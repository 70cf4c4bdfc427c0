/**
 * The registry of tags a claim may carry (test262's features.txt, for this project). A tag not listed
 * here fails the lint test; add it here, with a line saying what it means, in the same change.
 */
export const TAGS = {
  allocator: "about pymalloc: arenas, pools, blocks, size classes, thresholds",
  "raw-allocator": "about the raw layer (PyMem_RawMalloc, C malloc) below pymalloc",
  refcount: "about reference counts and sys.getrefcount",
  finalization: "about __del__, tp_finalize, resurrection",
  gc: "about the cycle collector",
  "free-lists": "about object-specific free lists and caches (layer +3)",
  "version-dependent": "the answer changes between CPython versions",
  "pointer-size": "the answer differs between 32-bit and 64-bit builds",
  "needs-pymalloc": "the witness needs a build with pymalloc (native CPython; not Pyodide)",
  "pymalloc-only":
    "about pymalloc alone: the claim does not apply to builds whose objects come from mimalloc (free-threaded 3.13t+, PYTHONMALLOC=mimalloc)",
  identity: "about object identity: what names are bound to, `is` and id(), copying versus sharing",
  measured:
    "the witness measures time or memory in child processes; stdout keeps the results that come out the same on every run, the figures go to stderr",
  overview: "about how the article divides memory management as a whole, not one mechanism",
  "object-model":
    "about names, objects and types: names are untyped references, objects carry type and memory",
  "source-text":
    "about the program as text: whether CPython accepts a source file at all (its encoding, PEP 263 and 3120, and its indentation)",
  "shared-objects":
    "about objects the interpreter shares with every program (small ints, None, interned strings, immortals)",
} as const;

export type Tag = keyof typeof TAGS;

export function isTag(name: string): name is Tag {
  return Object.hasOwn(TAGS, name);
}
