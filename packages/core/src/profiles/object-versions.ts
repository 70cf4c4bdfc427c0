/*
 * The object layer's version table: every version-dependent constant of objects, free lists,
 * reference counts and the cycle collector, written as history. Each step is the previous one plus
 * a dated change with its CPython reference, `evolve(previous, since, change, note)`; the profile
 * of a version is the last step at or before it, whose notes are the whole chain's.
 *
 * One style for both version tables: this is how versions.ts writes pymalloc's profiles (see
 * docs/decisions.md, "Profiles are written as history"). Each step is a value with a name, read
 * top to bottom in release order, and a change names the step it starts from instead of receiving
 * it as an argument. Steps are built per pointer size, since sizes are formulas over P.
 *
 * Sizes are in bytes and depend on P, the pointer size. They were checked against sys.getsizeof()
 * of CPython 2.7.18, 3.6–3.13 (64-bit, native) and Pyodide 3.10–3.15 (wasm32) by the oracle
 * package (packages/oracle/test/objects/). Not checked: classic 32-bit builds of 2.7–3.7 (no
 * interpreter here), where the GC head is given by the C rule below but never measured.
 */

import type { ObjectProfile } from "./object-profile.js";
import type { PointerSize } from "./profile.js";
import { checkRelease } from "./releases.js";

type Version = readonly [number, number, (number | undefined)?];

/** The object profile from one release on: every value as of `since`, and the notes so far. */
interface Step extends Omit<ObjectProfile, "version" | "python"> {
  readonly since: Version;
}

type Change = Partial<Omit<Step, "since" | "notes" | "pointerSize">>;

function evolve(from: Step, since: Version, change: Change, note: string): Step {
  return { ...from, ...change, since, notes: [...from.notes, note] };
}

/** Rounds n up to a multiple of a. */
const roundUp = (n: number, a: number) => Math.ceil(n / a) * a;

function base(P: PointerSize): Omit<ObjectProfile, "version" | "python" | "notes"> {
  return {
    pointerSize: P,
    // 2.7 – 3.7: union of three words with a long double, which rounds it to 32 bytes on x86-64
    // (16-byte long double) and leaves 12 on i386 (4-byte aligned, 12-byte long double).
    gcHeadSize: P === 8 ? 32 : 12,
    // 7 December 2026: getsizeof({}) is 36 on Debian's i386 3.11.2 and 3.13.18 (ma_version_tag at
    // offset 12), 40 on Pyodide's wasm32 builds (at 16); 64 on 64-bit builds.
    int64Alignment: P === 8 ? 8 : 4,
    managedDictPreHeader: 0,
    instanceAttributes: "dict-object",
    instanceValues: "none",
    intMinDigits: 0,
    strAsciiHeader: 0, // 2.7's str is PyStringObject; objects/layout/sizes.ts sizes it
    strCompactHeader: 0,
    latin1CharsCarryUtf8: false,
    tupleHashCache: false,
    emptyDictAllocatesKeys: false,
    unicodeKeysEntries: false,
    smallInts: [-5, 256], // NSMALLNEGINTS 5, NSMALLPOSINTS 257 in every version
    // PyFunctionObject @ 2.7.18: code, globals, defaults, closure, doc, name, dict, weakreflist, module.
    functionWords: 11,
    dicts: {
      growth: "4*used", // dictobject.c @ 2.7.18, PyDict_SetItem: 4 × used (2 × above 50,000)
      presize: "above-n", // _PyDict_NewPresized: dictresize(n), the smallest power of two above n
      literalChunk: undefined,
      dictNewAllocatesKeys: false,
      splitTables: false,
      keysFreeListUnicodeOnly: false,
    },
    weakrefs: {
      // PyWeakReference @ 2.7.18: header, wr_object, wr_callback, hash, wr_prev, wr_next.
      words: 7,
      // typeobject.c @ 2.7.18, subtype_dealloc: "clear [the weaklist] *before* calling the finalizer".
      clearedOnDeath: "before-finalizer",
      // weakrefobject.c, PyObject_ClearWeakRefs: up to two callback-less refs are dropped first;
      // one remaining ref is handled alone, more go through a tuple of (ref, callback) pairs.
      callbackTuple: "two-or-more",
    },
    freeLists: {
      float: "block-allocator",
      int: "block-allocator",
      list: 80,
      dict: 80,
      set: 80, // setobject.c @ 2.7.18, PySet_MAXFREELIST; not cleared by a collection
      dictKeys: 0,
      tupleMaxLength: 19, // PyTuple_MAXSAVESIZE 20: lengths 1 .. 19 (index = length)
      tuplePerLength: 2000,
      boundMethods: 256, // classobject.c and methodobject.c @ 2.7.18
      builtinMethods: 256,
      ranges: 0,
      rangeIterators: 0,
      listIterators: 0,
      tupleIterators: 0,
      unicodeWriters: 0,
      // Modules/gcmodule.c @ 2.7.18, clear_freelists: methods, frames, C functions, tuples, unicode,
      // ints and floats; 3.6.15's calls PyList_ClearFreeList and PyDict_ClearFreeList too
      listAndDictClearedByCollection: false,
    },
    refcounts: {
      staticInitial: undefined,
      immortalValue: undefined,
      staticImmortalValue: undefined,
      borrowedLocals: false,
      argumentsMovedIntoFrame: false,
      internImmortal: false,
    },
    collector: {
      thresholds: [700, 10, 10],
      incremental: false,
      finalizers: "tp_del",
      dictTracking: "when-holding-containers",
      tupleTracking: "untrack-at-collection",
      weakrefClearing: "all-before-finalizers", // gcmodule.c handle_weakrefs, before delete_garbage
      clearsUnreachableWeakrefs: false,
      resurrection: "count-all",
    },
  };
}

/** Every step of the history for pointer size P, oldest first. */
/** history(P), built once per pointer size and frozen: every profile of that size shares its parts. */
const histories = new Map<PointerSize, readonly Step[]>();

function history(P: PointerSize): readonly Step[] {
  let steps = histories.get(P);
  if (steps === undefined) {
    steps = deepFreeze(buildHistory(P));
    histories.set(P, steps);
  }
  return steps;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}

function buildHistory(P: PointerSize): readonly Step[] {
  const v2_7: Step = { since: [2, 7], ...base(P), notes: [] };
  const v3_0 = evolve(
    v2_7,
    [3, 0],
    {
      // PyASCIIObject: refcnt, type, length, hash (4 words), state (4 bytes, padded), wstr.
      strAsciiHeader: roundUp(4 * P + 4, P) + P,
      // PyCompactUnicodeObject adds utf8_length, utf8 and wstr_length.
      strCompactHeader: roundUp(4 * P + 4, P) + P + 3 * P,
    },
    "3.0: int is PyLongObject with 30-bit digits of 4 bytes; str is unicode (compact since 3.3, PEP 393).",
  );
  const v3_3 = evolve(
    v3_0,
    [3, 3],
    {
      functionWords: 14,
      dicts: { ...v3_0.dicts, splitTables: true },
      // setobject.c @ 3.6.15 has no set free list (PySet_ClearFreeList is a stub returning 0)
      freeLists: { ...v3_0.freeLists, listAndDictClearedByCollection: true, set: 0 },
    },
    "3.3: functions gain __qualname__ (PEP 3155; 3.0 added __kwdefaults__ and __annotations__): 14 words; " +
      "instance dicts of one class share a keys table and keep only their values (PEP 412, split tables); " +
      "a full collection empties the list and dict free lists too (gcmodule.c, clear_freelists: so in 3.6.15, not in 2.7.18).",
  );
  const v3_4 = evolve(
    v3_3,
    [3, 4],
    {
      collector: { ...v3_3.collector, finalizers: "pep442" },
      weakrefs: { ...v3_3.weakrefs, clearedOnDeath: "after-finalizer" },
      dicts: { ...v3_3.dicts, growth: "2*used+size/2" },
    },
    "3.4 (PEP 442, issue #18112): __del__ is tp_finalize, run at most once, and cycles with __del__ are collected; " +
      "subtype_dealloc clears weakrefs after __del__ (a resurrected object keeps them, and a weakref __del__ " +
      "made to its dying object gets its callback: measured on 3.6 – 3.15, where 2.7 drops it uncalled); " +
      "GROWTH_RATE is used*2 + size/2 up to 3.6 (dictobject.c's own history note).",
  );
  const v3_6 = evolve(
    v3_4,
    [3, 6],
    {
      emptyDictAllocatesKeys: true,
      freeLists: { ...v3_4.freeLists, float: 100, int: 0 },
      dicts: { ...v3_4.dicts, dictNewAllocatesKeys: true, presize: "estimate" },
    },
    "3.6: compact dicts; `{}` and dict() allocate a keys table of 8 slots; float free list of 100 " +
      "(PyFloat_MAXFREELIST); _PyDict_NewPresized and dict_merge size by ESTIMATE_SIZE (3n+1)/2 (dictobject.c; " +
      "measured: dict(d) of 9 and 10 items keeps 16 slots on 3.6.15).",
  );
  const v3_7 = evolve(
    v3_6,
    [3, 7],
    {
      freeLists: { ...v3_6.freeLists, dictKeys: 80 },
      dicts: { ...v3_6.dicts, growth: "3*used" },
      collector: { ...v3_6.collector, resurrection: "revive-set-uncounted" },
    },
    "3.7: dicts keep up to 80 minimum-size keys objects on keys_free_list (Objects/dictobject.c); " +
      "GROWTH_RATE is used*3 (bpo-33205; measured: 3.6.15 keeps 16 slots where 3.7.16 shrinks to 8); " +
      "gc.collect() does not count a set revived by " +
      "__del__ (measured 0 on 3.7.16, 4 on 3.6.15 for a resurrected two-instance cycle).",
  );
  const v3_8 = evolve(
    v3_7,
    [3, 8],
    {
      gcHeadSize: 2 * P,
      emptyDictAllocatesKeys: false,
      functionWords: 15, // vectorcall (PEP 590)
      // bpo-38006: handle_weakrefs also clears weakref objects that are themselves unreachable
      // (measured: a __del__ in the cycle sees None on 3.8.18, the referent on 3.7.16).
      collector: { ...v3_7.collector, clearsUnreachableWeakrefs: true },
    },
    "3.8 (bpo-33597): PyGC_Head shrinks to two words; `{}` shares the static Py_EMPTY_KEYS (measured: " +
      "getsizeof({}) 248 -> 64); functions gain vectorcall (15 words, PEP 590); the collector clears weakref " +
      "objects that are themselves unreachable (bpo-38006).",
  );
  const v3_9 = evolve(
    v3_8,
    [3, 9],
    {
      collector: { ...v3_8.collector, resurrection: "survivors-uncounted" },
      freeLists: { ...v3_8.freeLists, boundMethods: 0, builtinMethods: 0 },
    },
    "3.9 (bpo-38379, handle_resurrected_objects): only objects still unreachable after the finalizers are " +
      "freed and counted by gc.collect(); before, one resurrection kept the whole set alive. Bound and " +
      "builtin method objects lose their free lists (bpo-37340).",
  );
  const v3_10 = evolve(
    v3_9,
    [3, 10],
    {
      functionWords: 16,
      dicts: { ...v3_9.dicts, dictNewAllocatesKeys: false, literalChunk: 17 },
    },
    "3.10: dict() starts from the shared empty keys (measured getsizeof(dict()) 232 on 3.9, 64 on 3.10); " +
      "a dict literal of 16+ items compiles to chunks of 17 built by BUILD_MAP 0 + MAP_ADD and merged with " +
      "DICT_UPDATE (compile.c compiler_dict, STACK_USE_GUIDELINE 30; seen with dis on 3.10 – 3.15); " +
      "functions keep func_builtins (16 words).",
  );
  const v3_11 = evolve(
    v3_10,
    [3, 11],
    {
      managedDictPreHeader: 2 * P,
      instanceAttributes: "inline-values",
      instanceValues: "separate",
      intMinDigits: 1,
      unicodeKeysEntries: true,
      freeLists: { ...v3_10.freeLists, tupleMaxLength: 20 },
      // ceval.c @ 3.11 _PyEvalFramePushAndInit steals the arguments into localsplus; @ 3.10
      // _PyEval_MakeFrameVector increfs them while the caller's stack keeps its references.
      refcounts: { ...v3_10.refcounts, staticInitial: 999_999_999, argumentsMovedIntoFrame: true },
      functionWords: 17, // func_version
      // dictobject.c @ 3.11 new_keys_object / free_keys_object: only DICT_KEYS_UNICODE minimum tables
      // are kept on keys_free_list; split tables give way to inline values.
      dicts: { ...v3_10.dicts, splitTables: false, keysFreeListUnicodeOnly: true },
      weakrefs: { ...v3_10.weakrefs, words: 8 }, // PyWeakReference gains vectorcall
    },
    "3.11: instances keep attributes in values owned by the object, with two pre-header words (dict, values) " +
      "in front of the GC head; ints keep at least one digit; str-only dicts use two-word entries; " +
      "tuples of lengths 1 .. 20 are kept (PyTuple_NFREELISTS 20); static runtime objects start at 999,999,999; " +
      "a call moves its arguments into the callee's frame (measured: getrefcount of a parameter 3 on 3.10, 2 on 3.11); " +
      "only str-keyed minimum keys tables go on keys_free_list; weakrefs gain vectorcall (8 words), functions " +
      "func_version (17 words); each instance gets a values array from PyMem_Malloc, sized after its class's " +
      "count is lowered (tracemalloc on 3.11.7, 3.12.1 and Pyodide's 3.11.3, 3.12.7: 264, 256, 248 … bytes " +
      "for a fresh class's instances, 148, 144, 140 … on wasm32).",
  );
  const v3_12 = evolve(
    v3_11,
    [3, 12],
    {
      functionWords: 18, // func_typeparams (PEP 695)
      strAsciiHeader: roundUp(4 * P + 4, P),
      strCompactHeader: roundUp(4 * P + 4, P) + 2 * P,
      latin1CharsCarryUtf8: true,
      refcounts: {
        ...v3_11.refcounts,
        staticInitial: undefined,
        immortalValue: P === 8 ? 0xffff_ffff : 0x3fff_ffff,
        staticImmortalValue: P === 8 ? 0xffff_ffff : 0x3fff_ffff,
        internImmortal: true,
      },
    },
    "3.12 (PEP 683, gh-84436): immortal objects, count UINT_MAX on 64-bit and UINT_MAX >> 2 on 32-bit; " +
      "str drops wstr (PEP 623), so the ASCII header is one word shorter; the weakref slot joins the pre-header; " +
      "functions gain func_typeparams (18 words, PEP 695); the cached one-character latin-1 strs are static and " +
      "carry their UTF-8 form (measured: getsizeof(chr(233)) 61 on native 3.12.1 and 3.13.0, 33 on Pyodide's " +
      "3.12.7 – 3.15.0, where a new two-character latin-1 str is 59 and 31).",
  );
  const v3_12_7 = evolve(
    v3_12,
    [3, 12, 7],
    { refcounts: { ...v3_12.refcounts, internImmortal: false } },
    "3.12.7 (gh-113993, listed in Misc/NEWS.d/3.12.7.rst; 3.12.6's notes do not have it): sys.intern " +
      "makes strings mortal again. Measured: immortal on 3.12.1, a count of 2 on Pyodide's 3.12.7.",
  );
  const v3_13 = evolve(
    v3_12_7,
    [3, 13],
    {
      collector: { ...v3_12_7.collector, thresholds: [2000, 10, 10] },
      refcounts: { ...v3_12_7.refcounts, internImmortal: false },
      // weakrefobject.c @ 3.13 PyObject_ClearWeakRefs drops every callback-less ref first, then always
      // builds the (ref, callback) tuple (measured with sys.getallocatedblocks: one block kept for one
      // callback on 3.13.0, none on 3.12.1).
      weakrefs: { ...v3_12_7.weakrefs, callbackTuple: "one-or-more" },
      instanceValues: "inline",
    },
    "3.13.0: generational collector with threshold 2000 (the incremental one was reverted in 3.13.0rc3, " +
      "gh-124567); strings interned with sys.intern are mortal again (gh-113993); an instance's values " +
      "are part of its own block, sized before its class's count is lowered (tracemalloc on 3.13.0 and " +
      "Pyodide's 3.13.2 – 3.15.0: 328, 320, 312 … bytes for a fresh class's instances, 180, 176, 168 … " +
      "on wasm32).",
  );
  const v3_14 = evolve(
    v3_13,
    [3, 14],
    {
      tupleHashCache: true,
      functionWords: 19, // func_annotate (PEP 649)
      // Include/internal/pycore_freelist_state.h @ 3.14: Py_ints_MAXFREELIST, Py_pymethodobjects_MAXFREELIST …
      freeLists: {
        ...v3_13.freeLists,
        int: 100,
        boundMethods: 20,
        builtinMethods: 16,
        ranges: 6,
        rangeIterators: 6,
        listIterators: 10,
        tupleIterators: 10,
        unicodeWriters: 1,
      },
      refcounts: {
        ...v3_13.refcounts,
        borrowedLocals: true,
        immortalValue: P === 8 ? 3 * 2 ** 30 : 5 * 2 ** 28,
        staticImmortalValue: P === 8 ? 3 * 2 ** 30 : 7 * 2 ** 28,
      },
      collector: {
        ...v3_13.collector,
        incremental: true,
        thresholds: [2000, 10, 0],
        dictTracking: "always",
        tupleTracking: "untrack-atomic-at-creation",
      },
    },
    "3.14: tuples cache their hash (one more word); functions gain func_annotate (19 words, PEP 649); " +
      "compact ints get a free list of 100, and bound methods (20), builtin methods (16), range objects " +
      "and range iterators (6 each), list and tuple iterators (10 each) and PyUnicodeWriter structures (1) get theirs (each one left after " +
      "gc.collect() shows as a block on Debian's 3.14.10, measured 7 December 2026); locals load as " +
      "borrowed references (LOAD_FAST_BORROW, gh-130704); immortal count 3 << 30 on 64-bit, 5 << 28 on 32-bit " +
      "(gh-125174), where statically allocated immortals show 7 << 28 (_Py_STATIC_IMMORTAL_INITIAL_REFCNT, " +
      "Include/refcount.h; measured on Pyodide 3.14.2 and 3.15.0: None, 10 and () show 1879048192, an interned " +
      "attribute name 1342177280); dicts are tracked from creation; tuples of atomic items start untracked; " +
      "3.14.0 – 3.14.4 ship the incremental collector, thresholds (2000, 10, 0).",
  );
  const v3_14_5 = evolve(
    v3_14,
    [3, 14, 5],
    { collector: { ...v3_14.collector, incremental: false, thresholds: [2000, 10, 10] } },
    "3.14.5 (gh-142516): the generational collector is back, thresholds (2000, 10, 10).",
  );
  const v3_15 = evolve(
    v3_14_5,
    [3, 15],
    {
      smallInts: [-5, 1024],
      collector: {
        ...v3_14_5.collector,
        weakrefClearing: "callbacks-first",
        clearsUnreachableWeakrefs: false,
      },
    },
    "3.15 (pre-release): the small-int cache grows to -5 .. 1024 (measured on Pyodide 3.15.0rc1: " +
      "int('1024') is int('1024')); the collector clears only weakrefs with callbacks before finalizers and " +
      "the rest (weakref objects in the set included) after the resurrection check (gh-135552, PR #136189; " +
      "measured on 3.15.0rc1: a plain weakref still gives the object inside __del__, not on 3.14.2).",
  );
  return [
    v2_7,
    v3_0,
    v3_3,
    v3_4,
    v3_6,
    v3_7,
    v3_8,
    v3_9,
    v3_10,
    v3_11,
    v3_12,
    v3_12_7,
    v3_13,
    v3_14,
    v3_14_5,
    v3_15,
  ];
}

function atLeast(v: Version, since: Version): boolean {
  for (let i = 0; i < 3; i++) {
    const a = v[i] ?? 0;
    const b = since[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The profile of the same build compiled for wasm32, as Pyodide's are: the 32-bit profiles are
 * i386's, and wasm32 differs from i386 only in aligning 8-byte integers to 8 (the Pyodide
 * differential and the i386 judges agree with the model on every program either way).
 */
export function onWasm32(profile: ObjectProfile): ObjectProfile {
  return profile.pointerSize === 4 ? { ...profile, int64Alignment: 8 } : profile;
}

/**
 * The object-layer profile for a CPython version ("3.11", "3.14.2", "2.7.18") and pointer size.
 * A version without a micro number takes the earliest release of its line (3.14 means 3.14.0).
 */
export function objectProfile(version: string, pointerSize: PointerSize = 8): ObjectProfile {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) throw new RangeError(`"${version}" is not a CPython version`);
  const v: Version = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  checkRelease(v[0], v[1], v[2]);
  if (!atLeast(v, [2, 7]) || (v[0] === 3 && !atLeast(v, [3, 6]))) {
    throw new RangeError(`CPython ${version} is not modelled (2.7 and 3.6+ are)`);
  }
  const steps = history(pointerSize);
  const { since: _, notes, ...values } = steps.findLast((s) => atLeast(v, s.since)) as Step;
  return { ...values, version, python: v as ObjectProfile["python"], notes };
}
