/*
 * Object-layer profiles: what one CPython build's objects, free lists, reference counts and cycle
 * collector look like. The allocator underneath is the build's AllocatorProfile (profile.ts).
 *
 * Glossary (the words src/objects/ uses)
 * --------------------------------------
 *   P            : pointer size in bytes (8, or 4 on 32-bit builds and on wasm32, i.e. Pyodide).
 *   GC head      : PyGC_Head, the bytes in front of every object the cycle collector can track.
 *   pre-header   : 3.11+: the words in front of the GC head of instances with a managed __dict__.
 *   id           : the object's address: the pymalloc (or raw) block plus pre-header plus GC head.
 *   free list    : a per-type LIFO stack of dead objects kept for reuse instead of PyObject_Free.
 *   runtime-held : an object the interpreter itself references (small ints, None, classes, ...), whose
 *                  count therefore includes references the model cannot see.
 *   immortal     : 3.12+ (PEP 683): an object whose count never changes; getrefcount shows a fixed value.
 *   stack ref    : a reference held by the evaluation stack between loading a value and storing it.
 *   borrowed     : 3.14+: a local loaded onto the stack without a new reference (LOAD_FAST_BORROW).
 *   keys table   : 3.x: a dict's hash slots (indices) and entries, allocated apart from the dict object;
 *                  2.7 keeps 8 entries inside the dict (ma_smalltable) and mallocs bigger tables.
 *   split table  : 3.6–3.10 (PEP 412): instance dicts of one class share the class's keys table and
 *                  keep only an array of values each.
 *   weakref      : a PyWeakReference: points at its referent without counting, cleared (None) when the
 *                  referent dies, optionally with a callback that is then called with the weakref.
 *
 * Every version-dependent number of the object layer lives in object-versions.ts with its unit and
 * a dated note; object sizes are formulas over P in ../objects/layout/sizes.ts, checked against
 * sys.getsizeof() of the real interpreters by the oracle package.
 */
import type { PointerSize } from "./profile.js";

/** A free list's capacity in objects; 0 means the type has none in that version. */
export type Capacity = number;

export interface FreeListLimits {
  /** float objects (PyFloat_MAXFREELIST); "block-allocator" is 2.7's 1000-byte float blocks. */
  readonly float: Capacity | "block-allocator";
  /** int objects: 2.7's PyIntObject block allocator, 3.14's compact-int list, or none. */
  readonly int: Capacity | "block-allocator";
  /** list objects (PyList_MAXFREELIST); the item arrays are freed, not kept. */
  readonly list: Capacity;
  /** dict objects (PyDict_MAXFREELIST). */
  readonly dict: Capacity;
  /** set and frozenset objects (2.7's PySet_MAXFREELIST; 3.x keeps none). */
  readonly set: Capacity;
  /** minimum-size dict keys objects (3.7+ keys_free_list). */
  readonly dictKeys: Capacity;
  /** Tuples of length 1 .. tupleMaxLength are kept, tuplePerLength of each length. */
  readonly tupleMaxLength: number;
  readonly tuplePerLength: Capacity;
  /**
   * Bound methods (PyMethodObject): PyMethod_MAXFREELIST 256 up to 3.8; 3.9 removed the list
   * (bpo-37340); 3.14 keeps 20 again (pymethodobjects).
   */
  readonly boundMethods: Capacity;
  /**
   * A builtin type's methods bound to an object (PyCFunctionObject): PyCFunction_MAXFREELIST 256 up
   * to 3.8, none 3.9 – 3.13, 16 from 3.14 (pycfunctionobject).
   */
  readonly builtinMethods: Capacity;
  /** range objects (3.14+: ranges, 6). */
  readonly ranges: Capacity;
  /** range iterators over C longs (3.14+: range_iters, 6). */
  readonly rangeIterators: Capacity;
  /** list iterators (3.14+: list_iters, 10). */
  readonly listIterators: Capacity;
  /** tuple iterators (3.14+: tuple_iters, 10). */
  readonly tupleIterators: Capacity;
  /** PyUnicodeWriter structures, PyMem memory (3.14+: unicode_writers, 1). */
  readonly unicodeWriters: Capacity;
  /** Does a full collection empty the list and dict free lists too (3.x; 2.7's clear_freelists does not)? */
  readonly listAndDictClearedByCollection: boolean;
}

export interface CollectorProfile {
  /** gc.get_threshold() at start-up. */
  readonly thresholds: readonly [number, number, number];
  /** 3.14.0 – 3.14.4 shipped an incremental collector (young + old); every other version is generational. */
  readonly incremental: boolean;
  /** What `del` of the last reference runs: __del__ as tp_del (≤3.3) or tp_finalize (PEP 442, 3.4+). */
  readonly finalizers: "tp_del" | "pep442";
  /** Are dicts tracked from creation (3.14) or only once they hold a container (≤3.13)? */
  readonly dictTracking: "always" | "when-holding-containers";
  /** Are tuples of atomic items left untracked at creation (3.14) or only at collection time? */
  readonly tupleTracking: "untrack-atomic-at-creation" | "untrack-at-collection";
  /**
   * handle_weakrefs: weakrefs to unreachable objects are all cleared before any finalizer runs
   * (2.7 – 3.14), or only those with callbacks, the rest after the resurrection check (3.15, gh-135552).
   */
  readonly weakrefClearing: "all-before-finalizers" | "callbacks-first";
  /** 3.8 – 3.14 (bpo-38006): weakref objects that are themselves unreachable are cleared before finalizers. */
  readonly clearsUnreachableWeakrefs: boolean;
  /**
   * What gc.collect() counts when __del__ resurrects part of a cycle (PEP 442 versions):
   *   count-all            3.4 – 3.6: every unreachable object, counted before finalizers ran
   *   revive-set-uncounted 3.7 – 3.8: anything resurrected revives the whole set, which is not counted
   *   survivors-uncounted  3.9+: only what is still unreachable after the finalizers is counted
   */
  readonly resurrection: "count-all" | "revive-set-uncounted" | "survivors-uncounted";
}

export interface DictProfile {
  /**
   * GROWTH_RATE, what a full table asks dictresize for: 2.7 resizes after an insert fills 2/3 of it,
   * to 4 × used; 3.6 asks for used × 2 + size / 2, 3.7+ for used × 3 (bpo-33205).
   */
  readonly growth: "4*used" | "2*used+size/2" | "3*used";
  /** A literal of n items presizes to the smallest power of two above n (2.7) or to ESTIMATE_SIZE (3.6+). */
  readonly presize: "above-n" | "estimate";
  /** 3.10+: literals of 16 items and more are built by chunks of this many (BUILD_MAP 0 + MAP_ADD). */
  readonly literalChunk: number | undefined;
  /** dict() (dict_new) starts with a minimum keys table of its own (3.6 – 3.9) or the shared empty one. */
  readonly dictNewAllocatesKeys: boolean;
  /** 3.6 – 3.10: instance dicts share their class's keys table (PEP 412). */
  readonly splitTables: boolean;
  /** 3.11+: only str-keyed minimum tables go on (and come from) keys_free_list. */
  readonly keysFreeListUnicodeOnly: boolean;
}

export interface WeakrefProfile {
  /** words of a PyWeakReference after the GC head: 7, 8 from 3.11 (vectorcall) */
  readonly words: number;
  /** A count reaching zero clears weakrefs (running callbacks) before __del__ (2.7) or after it (3.4+). */
  readonly clearedOnDeath: "before-finalizer" | "after-finalizer";
  /**
   * PyObject_ClearWeakRefs builds a temporary tuple of (ref, callback) pairs when two or more refs
   * remain after the callback-less ones (≤3.12), or whenever one remains (3.13+).
   */
  readonly callbackTuple: "two-or-more" | "one-or-more";
}

export interface ObjectProfile {
  /** The version the profile was built for, e.g. "3.11.7" or "3.14". */
  readonly version: string;
  readonly python: readonly [major: number, minor: number, micro: number | undefined];
  /** bytes */
  readonly pointerSize: PointerSize;
  /** bytes of PyGC_Head */
  readonly gcHeadSize: number;
  /**
   * bytes to which a struct aligns an 8-byte integer field (a dict's ma_version_tag): 8 on 64-bit
   * builds and on wasm32 (Pyodide; see onWasm32), 4 on i386, whose System V ABI aligns them to 4
   */
  readonly int64Alignment: 4 | 8;
  /** bytes in front of the GC head of instances with a managed dict (3.11+), else 0 */
  readonly managedDictPreHeader: number;
  /** ≤3.10: an instance's attributes live in a separate dict object; 3.11+: in values owned by the instance. */
  readonly instanceAttributes: "dict-object" | "inline-values";
  /**
   * Where a 3.11+ instance's values live (layout/sizes.ts sizes them): "separate", an array from
   * PyMem_Malloc made with the instance and sized after its class's count is lowered (3.11, 3.12);
   * "inline", bytes at the end of the object's own block, sized before (3.13+); "none" up to 3.10.
   */
  readonly instanceValues: "none" | "separate" | "inline";
  /** Does a 3.x int of value 0 still carry one digit (3.11+)? */
  readonly intMinDigits: 0 | 1;
  /** bytes of the 3.x str header before the characters (compact ASCII / compact non-ASCII). */
  readonly strAsciiHeader: number;
  readonly strCompactHeader: number;
  /**
   * 3.12+: the cached one-character latin-1 strs are static objects that come with their UTF-8
   * form, which getsizeof counts (two bytes and a NUL for U+0080 – U+00FF).
   */
  readonly latin1CharsCarryUtf8: boolean;
  /** 3.14+: tuples cache their hash in one more word. */
  readonly tupleHashCache: boolean;
  /** Does `{}` allocate its keys table (3.6, 3.7) or share a static empty one (3.8+)? */
  readonly emptyDictAllocatesKeys: boolean;
  /** 3.11+: a dict whose keys are all str stores entries of two words instead of three. */
  readonly unicodeKeysEntries: boolean;
  /** words of a PyFunctionObject after the GC head */
  readonly functionWords: number;
  readonly dicts: DictProfile;
  readonly weakrefs: WeakrefProfile;
  /** Small ints cached for the whole run: [low, high], inclusive. */
  readonly smallInts: readonly [number, number];
  readonly freeLists: FreeListLimits;
  readonly refcounts: RefcountProfile;
  readonly collector: CollectorProfile;
  /** Dated notes on what distinguishes this profile, with CPython references. */
  readonly notes: readonly string[];
}

export interface RefcountProfile {
  /** 3.11: statically allocated runtime objects start at 999,999,999 and still count. */
  readonly staticInitial: number | undefined;
  /** 3.12+: what getrefcount shows for an immortal object (PEP 683); undefined before. */
  readonly immortalValue: number | undefined;
  /**
   * 3.12+: what getrefcount shows for a statically allocated immortal (None, small ints, latin-1
   * characters, empty singletons). The same as immortalValue except on 32-bit 3.14+.
   */
  readonly staticImmortalValue: number | undefined;
  /** 3.14+: locals are loaded onto the stack as borrowed references, so getrefcount shows one less. */
  readonly borrowedLocals: boolean;
  /**
   * 3.11+: a call moves its arguments from the caller's stack into the new frame's locals. Before, the
   * callee's locals took new references and the caller's stack kept its own until the call returned,
   * so a parameter had one reference more while the function ran.
   */
  readonly argumentsMovedIntoFrame: boolean;
  /** 3.12 only: sys.intern() makes the string immortal (3.13 made such strings collectable again). */
  readonly internImmortal: boolean;
}
