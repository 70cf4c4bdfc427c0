/*
 * Object sizes as formulas over the pointer size P, the way CPython's Lib/test/test_sys.py
 * (SizeofTest) writes them. Each function returns what sys.getsizeof() reports and how it splits:
 *
 *   getsizeof = preHeader + gcHead + body          body is what __sizeof__() reports
 *
 * The pymalloc request for the object itself is preHeader + gcHead + (body minus any separately
 * allocated part: a list's item array, a dict's keys table). Verified against sys.getsizeof() of
 * every interpreter the oracle finds (packages/oracle/test/objects/sizes.test.ts).
 */

import type { ObjectProfile } from "../../profiles/object-profile.js";
import { DICT_MINSIZE, insertionSlots, keysTableSize, table27Size } from "./dict-sizes.js";

export interface ObjectSize {
  /** 3.11+ instances with a managed dict: words in front of the GC head (bytes). */
  readonly preHeader: number;
  /** PyGC_Head for container types, 0 otherwise (bytes). */
  readonly gcHead: number;
  /** __sizeof__() (bytes). */
  readonly body: number;
  /** The bytes of `body` allocated separately from the object (list items, dict keys). */
  readonly separate: number;
  /** Bytes at the end of the object's block that __sizeof__ leaves out (3.13+ inline values). */
  readonly unsized?: number;
}

export const getsizeof = (s: ObjectSize) => s.preHeader + s.gcHead + s.body;
/** Bytes requested from PyObject_Malloc for the object itself. */
export const objectRequest = (s: ObjectSize) =>
  s.preHeader + s.gcHead + s.body - s.separate + (s.unsized ?? 0);

const plain = (body: number): ObjectSize => ({ preHeader: 0, gcHead: 0, body, separate: 0 });
/** A container of `words` pointer-sized words, all in one block behind its PyGC_Head. */
const container = (p: ObjectProfile, words: number): ObjectSize => ({
  preHeader: 0,
  gcHead: p.gcHeadSize,
  body: words * p.pointerSize,
  separate: 0,
});
const is2 = (p: ObjectProfile) => p.python[0] === 2;

/** Number of 30-bit digits of |v| (0 for 0). */
export function digitCount(v: bigint): number {
  let n = 0;
  for (let a = v < 0n ? -v : v; a > 0n; a >>= 30n) n++;
  return n;
}

/** 2.7's long: a var header (refcount, type, size) and 30-bit digits of 4 bytes; 0 has no digit. */
export const longSize = (p: ObjectProfile, v: bigint): ObjectSize =>
  plain(3 * p.pointerSize + 4 * digitCount(v));

/** Does v fit 2.7's int, a C long (64 bits on LP64 builds, 32 on ILP32 ones)? */
export function fitsCLong(p: ObjectProfile, v: bigint): boolean {
  const bits = BigInt(p.pointerSize * 8 - 1);
  return v >= -(2n ** bits) && v < 2n ** bits;
}

/** int: 2.7's PyIntObject (two words and a C long), or 3.x's PyLongObject with 4-byte digits. */
export function intSize(p: ObjectProfile, v: bigint): ObjectSize {
  const P = p.pointerSize;
  if (is2(p)) return plain(3 * P); // ob_refcnt, ob_type, long ob_ival (a long is a word on LP64 and ILP32)
  return plain(3 * P + 4 * Math.max(digitCount(v), p.intMinDigits));
}

/** float: a header and a C double. */
export const floatSize = (p: ObjectProfile): ObjectSize => plain(2 * p.pointerSize + 8);

/** The widest character of a str decides its kind: 1, 2 or 4 bytes per character (PEP 393). */
export function strCharWidth(s: string): 1 | 2 | 4 {
  return strShape(s).width;
}

/** Characters (code points), the PEP 393 width and whether all are ASCII, in one pass over s. */
function strShape(s: string): { length: number; width: 1 | 2 | 4; ascii: boolean } {
  let max = 0;
  let surrogates = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit > max) max = unit;
    // a high surrogate starts a pair: one character above U+FFFF (a lone one counts as itself)
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        surrogates++;
        max = 0x10000;
        i++;
      }
    }
  }
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  return { length: s.length - surrogates, width, ascii: max < 0x80 };
}

/** str, freshly built (no cached UTF-8 form): 2.7 byte string, or 3.x compact unicode. */
export function strSize(p: ObjectProfile, s: string): ObjectSize {
  const { length, width, ascii } = strShape(s);
  if (is2(p)) return plain(3 * p.pointerSize + p.pointerSize + 4 + length + 1);
  const header = ascii ? p.strAsciiHeader : p.strCompactHeader;
  return plain(header + (length + 1) * width);
}

/** bytes (2.7: the same object as str): a var header, the cached hash, the bytes and a NUL. */
export function bytesSize(p: ObjectProfile, length: number): ObjectSize {
  if (is2(p)) return plain(4 * p.pointerSize + 4 + length + 1);
  return plain(4 * p.pointerSize + length + 1);
}

/** tuple: a var header, 3.14's cached hash, one word per item; a container. */
export function tupleSize(p: ObjectProfile, length: number): ObjectSize {
  const P = p.pointerSize;
  return {
    preHeader: 0,
    gcHead: p.gcHeadSize,
    body: (3 + (p.tupleHashCache ? 1 : 0) + length) * P,
    separate: 0,
  };
}

/**
 * set and frozenset: header, fill, used, mask, table, hash, finger (2.7: lookup), the 8-slot
 * smalltable of two-word entries, weakreflist: 25 words; a larger table comes from PyMem_Malloc and
 * getsizeof adds it (set_sizeof). 216 bytes on 64-bit 3.8+, 232 up to 3.7 (a larger GC head).
 */
export const setSize = (p: ObjectProfile): ObjectSize => container(p, 25);

/** A set iterator (setiterobject): header, si_set, si_used, si_pos, len; a container. */
export const setIteratorSize = (p: ObjectProfile): ObjectSize => container(p, 6);

/** list: header, ob_item, allocated; the item array (allocated words) comes from PyMem_Malloc. */
export function listSize(p: ObjectProfile, allocated: number): ObjectSize {
  const P = p.pointerSize;
  return { preHeader: 0, gcHead: p.gcHeadSize, body: 5 * P + allocated * P, separate: allocated * P };
}

/** Bytes of a 3.x dict keys table of 8 slots holding up to 5 entries (PyDict_MINSIZE). */
export const minKeysSize = (p: ObjectProfile, unicodeOnly: boolean): number =>
  keysTableSize(p, DICT_MINSIZE, unicodeOnly);

/** The dict object itself: 2.7 with its 8-entry ma_smalltable, 3.x without keys. */
function dictObjectBody(p: ObjectProfile): number {
  const P = p.pointerSize;
  if (is2(p)) return 7 * P + DICT_MINSIZE * 3 * P;
  // ob_refcnt, ob_type, ma_used; an 8-byte version (or watcher) tag; ma_keys; ma_values; the whole
  // rounded to the tag's alignment (i386: 4, so no padding; wasm32 and 64-bit: 8)
  const A = p.int64Alignment;
  return Math.ceil((Math.ceil((3 * P) / A) * A + 8 + 2 * P) / A) * A;
}

/**
 * A combined dict built by `entries` inserts into an empty dict (str keys only if `unicodeOnly`).
 * 2.7 counts its malloc'd table, 3.x its keys object (`separate`: allocated apart from the dict).
 */
export function dictSize(p: ObjectProfile, entries: number, unicodeOnly: boolean): ObjectSize {
  return dictSizeWithTable(p, insertionSlots(p, entries), unicodeOnly);
}

/** A combined dict whose table has `slots` slots (3.x: 0 for the shared empty keys). */
export function dictSizeWithTable(p: ObjectProfile, slots: number, unicode: boolean): ObjectSize {
  const separate = is2(p) ? table27Size(p, slots) : slots === 0 ? 0 : keysTableSize(p, slots, unicode);
  return { preHeader: 0, gcHead: p.gcHeadSize, body: dictObjectBody(p) + separate, separate };
}

/** The dict object alone (what PyObject_GC_New allocates for a dict). */
export const dictObjectRequest = (p: ObjectProfile) => objectRequest(dictSize(p, 0, true));

/**
 * Instance of a class defined in Python. ≤3.10: header, __dict__ and __weakref__ slots; 3.11 moves
 * the dict into two pre-header words and keeps __weakref__; 3.12 moves __weakref__ to the pre-header
 * too. With __slots__: header plus one word per slot, no dict, no weakref slot. 2.7's classic instances
 * (PyInstanceObject): header, in_class, in_dict, in_weakreflist.
 */
export function instanceSize(p: ObjectProfile, slots?: number, classic = false): ObjectSize {
  const P = p.pointerSize;
  if (classic) return { preHeader: 0, gcHead: p.gcHeadSize, body: 5 * P, separate: 0 };
  if (slots !== undefined) return { preHeader: 0, gcHead: p.gcHeadSize, body: (2 + slots) * P, separate: 0 };
  if (p.managedDictPreHeader === 0) return { preHeader: 0, gcHead: p.gcHeadSize, body: 4 * P, separate: 0 };
  const body = p.python[0] === 3 && p.python[1] === 11 ? 3 * P : 2 * P;
  return { preHeader: p.managedDictPreHeader, gcHead: p.gcHeadSize, body, separate: 0 };
}

/**
 * SHARED_KEYS_MAX_SIZE (Objects/dictobject.c, 3.11+): the most attribute names a class's instances
 * share, and what its count of usable ones starts at (_PyDict_NewKeysForClass).
 */
export const SHARED_KEYS_MAX_SIZE = 30;

/**
 * Bytes of a 3.11+ instance's room for n values: 3.11 / 3.12's separate array (dictobject.c
 * new_values: a prefix of n + 2 bytes rounded up to a word, then n pointers) or 3.13+'s inline
 * values (_PyInlineValuesSize: a prefix of n bytes rounded up to a word, then n + 1 words).
 */
export function instanceValuesBytes(p: ObjectProfile, n: number): number {
  const P = p.pointerSize;
  const words = (bytes: number) => Math.ceil(bytes / P) * P;
  return p.instanceValues === "inline" ? words(n) + (n + 1) * P : words(n + 2) + n * P;
}

/** A function object (def or lambda): a container of functionWords words. */
export const functionSize = (p: ObjectProfile): ObjectSize => container(p, p.functionWords);

/** weakref.ref: a container (it holds its callback) of weakrefs.words words. */
export const weakrefSize = (p: ObjectProfile): ObjectSize => container(p, p.weakrefs.words);

/** object(): just the header. */
export const objectSize = (p: ObjectProfile): ObjectSize => plain(2 * p.pointerSize);

/**
 * An iterator over a sequence (listiterobject, tupleiterobject, unicodeiterobject): header, index
 * and the sequence, a tracked container; a range iterator (rangeiterobject: start, step, length;
 * 2.7 iterates a list, since range() makes one) is not a container.
 */
export const sequenceIteratorSize = (p: ObjectProfile): ObjectSize => container(p, 4);
/** rangeobject (3.x): header, start, stop, step and length (int objects); getsizeof 48 on 3.6 – 3.13. */
export const rangeSize = (p: ObjectProfile): ObjectSize => plain(6 * p.pointerSize);

/** rangeiterobject: header, start, step, len, and until 3.11 an index too (getsizeof 48, then 40). */
export const rangeIteratorSize = (p: ObjectProfile): ObjectSize =>
  plain((p.python[0] === 3 && p.python[1] >= 12 ? 5 : 6) * p.pointerSize);

/**
 * _PyUnicodeWriter (3.14's PyUnicodeWriter_Create takes one from PyMem): buffer, data, kind, maxchar,
 * size, pos, min_length, min_char and two flag bytes. tracemalloc on Debian's 3.14.10: 56 bytes kept
 * by a list's repr on amd64, 36 on i386.
 */
export const unicodeWriterBytes = (p: ObjectProfile): number => {
  const P = p.pointerSize;
  return Math.ceil((5 * P + 3 * 4 + 2) / P) * P;
};

/** complex: a header and two C doubles (getsizeof 32 on 64-bit builds, 24 on wasm32). */
export const complexSize = (p: ObjectProfile): ObjectSize => plain(2 * p.pointerSize + 16);

/** wrapperobject (a method-wrapper): header, the slot's descriptor and self; a tracked container. */
export const methodWrapperSize = (p: ObjectProfile): ObjectSize => container(p, 4);

/**
 * PyMethodObject: header, im_func, im_self, im_weakreflist, and 2.7's im_class; a tracked container
 * (getsizeof 80 on 2.7.18, 72 on 3.6.15, both with a 32-byte PyGC_Head). Made per method call up to
 * 3.6; 3.8 adds a vectorcall slot, which the model never needs (3.7+ calls through LOAD_METHOD).
 */
export const boundMethodSize = (p: ObjectProfile): ObjectSize => container(p, p.python[0] === 2 ? 6 : 5);

/**
 * PyCFunctionObject: header, m_ml, m_self, m_module, and 3.x's m_weakreflist; a tracked container
 * (getsizeof([].append) 72 on 2.7.18, 80 on 3.6.15).
 */
export const builtinMethodSize = (p: ObjectProfile): ObjectSize => container(p, p.python[0] === 2 ? 5 : 6);

/**
 * mapobject (3.x): header, the iterators' tuple and the function, a tracked container; 3.14 added
 * `int strict` (gh-119793), a word with padding (getsizeof 48, then 56; 24, then 28 on wasm32).
 */
export const mapSize = (p: ObjectProfile): ObjectSize =>
  container(p, p.python[0] === 3 && p.python[1] >= 14 ? 5 : 4);

/**
 * 2.7's PyUnicodeObject: header, length, the buffer's pointer, hash and the cached default encoding
 * (6 words), and its buffer, allocated apart: length + 1 characters of 4 bytes (UCS-4 builds, which
 * pyenv's and Debian's are: sys.maxunicode 1114111). getsizeof counts both.
 */
export const unicode27Size = (p: ObjectProfile, length: number): ObjectSize => ({
  preHeader: 0,
  gcHead: 0,
  body: 6 * p.pointerSize + 4 * (length + 1),
  separate: 4 * (length + 1),
});

/** dictiterobject: header, the dict, di_used, di_pos, di_result and len; a tracked container. */
export const dictIteratorSize = (p: ObjectProfile): ObjectSize => container(p, 7);
