/*
 * The object layer's version table: every version-dependent constant of objects, free lists,
 * reference counts and the cycle collector, written as history. A profile is the 2.7 base plus every
 * change up to its version, applied in order; each change has its date and CPython reference.
 *
 * Sizes are in bytes and depend on P, the pointer size. They were checked against sys.getsizeof()
 * of CPython 2.7.18, 3.6–3.13 (64-bit, native) and Pyodide 3.10–3.15 (wasm32) by the oracle
 * package (packages/oracle/test/objects/). Not checked: classic 32-bit builds of 2.7–3.7 (no
 * interpreter here), where the GC head is given by the C rule below but never measured.
 */
import type { PointerSize } from "../profiles/profile.js";
import type { ObjectProfile } from "./profile.js";

type Version = readonly [number, number, (number | undefined)?];

interface Change {
  readonly since: Version;
  readonly note: string;
  readonly apply: (p: ObjectProfile, P: PointerSize) => Partial<ObjectProfile>;
}

/** Rounds n up to a multiple of a. */
const roundUp = (n: number, a: number) => Math.ceil(n / a) * a;

function base(P: PointerSize): Omit<ObjectProfile, "version" | "python" | "notes"> {
  return {
    pointerSize: P,
    // 2.7 – 3.7: union of three words with a long double, which rounds it to 32 bytes on x86-64
    // (16-byte long double) and leaves 12 on i386 (4-byte aligned, 12-byte long double).
    gcHeadSize: P === 8 ? 32 : 12,
    managedDictPreHeader: 0,
    instanceAttributes: "dict-object",
    intMinDigits: 0,
    strAsciiHeader: 0, // 2.7's str is PyStringObject; layout.ts sizes it separately
    strCompactHeader: 0,
    tupleHashCache: false,
    emptyDictAllocatesKeys: false,
    unicodeKeysEntries: false,
    smallInts: [-5, 256], // NSMALLNEGINTS 5, NSMALLPOSINTS 257 in every version
    freeLists: {
      float: "block-allocator",
      int: "block-allocator",
      list: 80,
      dict: 80,
      dictKeys: 0,
      tupleMaxLength: 19, // PyTuple_MAXSAVESIZE 20: lengths 1 .. 19 (index = length)
      tuplePerLength: 2000,
    },
    refcounts: {
      staticInitial: undefined,
      immortalValue: undefined,
      borrowedLocals: false,
      internImmortal: false,
    },
    collector: {
      thresholds: [700, 10, 10],
      incremental: false,
      finalizers: "tp_del",
      dictTracking: "when-holding-containers",
      tupleTracking: "untrack-at-collection",
    },
  };
}

const CHANGES: readonly Change[] = [
  {
    since: [3, 0],
    note: "3.0: int is PyLongObject with 30-bit digits of 4 bytes; str is unicode (compact since 3.3, PEP 393).",
    apply: (_, P) => ({
      // PyASCIIObject: refcnt, type, length, hash (4 words), state (4 bytes, padded), wstr.
      strAsciiHeader: roundUp(4 * P + 4, P) + P,
      // PyCompactUnicodeObject adds utf8_length, utf8 and wstr_length.
      strCompactHeader: roundUp(4 * P + 4, P) + P + 3 * P,
    }),
  },
  {
    since: [3, 4],
    note: "3.4 (PEP 442, issue #18112): __del__ is tp_finalize, run at most once, and cycles with __del__ are collected.",
    apply: (p) => ({ collector: { ...p.collector, finalizers: "pep442" } }),
  },
  {
    since: [3, 6],
    note: "3.6: compact dicts; `{}` allocates a keys table of 8 slots; float free list of 100 (PyFloat_MAXFREELIST).",
    apply: (p) => ({
      emptyDictAllocatesKeys: true,
      freeLists: { ...p.freeLists, float: 100, int: 0 },
    }),
  },
  {
    since: [3, 7],
    note: "3.7: dicts keep up to 80 minimum-size keys objects on keys_free_list (Objects/dictobject.c).",
    apply: (p) => ({ freeLists: { ...p.freeLists, dictKeys: 80 } }),
  },
  {
    since: [3, 8],
    note: "3.8 (bpo-33597): PyGC_Head shrinks to two words; `{}` shares the static Py_EMPTY_KEYS (measured: getsizeof({}) 248 -> 64).",
    apply: (_, P) => ({ gcHeadSize: 2 * P, emptyDictAllocatesKeys: false }),
  },
  {
    since: [3, 11],
    note:
      "3.11: instances keep attributes in values owned by the object, with two pre-header words (dict, values) " +
      "in front of the GC head; ints keep at least one digit; str-only dicts use two-word entries; " +
      "tuples of lengths 1 .. 20 are kept (PyTuple_NFREELISTS 20); static runtime objects start at 999,999,999.",
    apply: (p, P) => ({
      managedDictPreHeader: 2 * P,
      instanceAttributes: "inline-values",
      intMinDigits: 1,
      unicodeKeysEntries: true,
      freeLists: { ...p.freeLists, tupleMaxLength: 20 },
      refcounts: { ...p.refcounts, staticInitial: 999_999_999 },
    }),
  },
  {
    since: [3, 12],
    note:
      "3.12 (PEP 683, gh-84436): immortal objects, count UINT_MAX on 64-bit and UINT_MAX >> 2 on 32-bit; " +
      "str drops wstr (PEP 623), so the ASCII header is one word shorter; the weakref slot joins the pre-header.",
    apply: (p, P) => ({
      strAsciiHeader: roundUp(4 * P + 4, P),
      strCompactHeader: roundUp(4 * P + 4, P) + 2 * P,
      refcounts: {
        ...p.refcounts,
        staticInitial: undefined,
        immortalValue: P === 8 ? 0xffff_ffff : 0x3fff_ffff,
        internImmortal: true,
      },
    }),
  },
  {
    since: [3, 12, 6],
    note:
      "3.12.6 (gh-113993, backport PR #123065, merged 2024-08-16): sys.intern makes strings mortal again. " +
      "Measured: immortal on 3.12.1, a count of 2 on Pyodide's 3.12.7.",
    apply: (p) => ({ refcounts: { ...p.refcounts, internImmortal: false } }),
  },
  {
    since: [3, 13],
    note:
      "3.13.0: generational collector with threshold 2000 (the incremental one was reverted in 3.13.0rc3, " +
      "gh-124567); strings interned with sys.intern are mortal again (gh-113993).",
    apply: (p) => ({
      collector: { ...p.collector, thresholds: [2000, 10, 10] },
      refcounts: { ...p.refcounts, internImmortal: false },
    }),
  },
  {
    since: [3, 14],
    note:
      "3.14: tuples cache their hash (one more word); compact ints get a free list of 100; locals load as " +
      "borrowed references (LOAD_FAST_BORROW, gh-130704); immortal count 3 << 30 on 64-bit, 5 << 28 on 32-bit " +
      "(gh-125174); dicts are tracked from creation; tuples of atomic items start untracked; " +
      "3.14.0 – 3.14.4 ship the incremental collector, thresholds (2000, 10, 0).",
    apply: (p, P) => ({
      tupleHashCache: true,
      freeLists: { ...p.freeLists, int: 100 },
      refcounts: { ...p.refcounts, borrowedLocals: true, immortalValue: P === 8 ? 3 * 2 ** 30 : 5 * 2 ** 28 },
      collector: {
        ...p.collector,
        incremental: true,
        thresholds: [2000, 10, 0],
        dictTracking: "always",
        tupleTracking: "untrack-atomic-at-creation",
      },
    }),
  },
  {
    since: [3, 14, 5],
    note: "3.14.5 (gh-142516): the generational collector is back, thresholds (2000, 10, 10).",
    apply: (p) => ({ collector: { ...p.collector, incremental: false, thresholds: [2000, 10, 10] } }),
  },
  {
    since: [3, 15],
    note:
      "3.15 (pre-release): the small-int cache grows to -5 .. 1024 (measured on Pyodide 3.15.0rc1: " +
      "int('1024') is int('1024')); otherwise as 3.14.5+ for everything modelled here.",
    apply: () => ({ smallInts: [-5, 1024] }),
  },
];

function atLeast(v: Version, since: Version): boolean {
  for (let i = 0; i < 3; i++) {
    const a = v[i] ?? 0;
    const b = since[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The object-layer profile for a CPython version ("3.11", "3.14.2", "2.7.18") and pointer size.
 * A version without a micro number takes the earliest release of its line (3.14 means 3.14.0).
 */
export function objectProfile(version: string, pointerSize: PointerSize = 8): ObjectProfile {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) throw new RangeError(`"${version}" is not a CPython version`);
  const v: Version = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (!atLeast(v, [2, 7]) || (v[0] === 3 && !atLeast(v, [3, 6]))) {
    throw new RangeError(`CPython ${version} is not modelled (2.7 and 3.6+ are)`);
  }
  let p: ObjectProfile = { ...base(pointerSize), version, python: v as ObjectProfile["python"], notes: [] };
  for (const change of CHANGES) {
    if (!atLeast(v, change.since)) continue;
    p = { ...p, ...change.apply(p, pointerSize), notes: [...p.notes, change.note] };
  }
  return p;
}
