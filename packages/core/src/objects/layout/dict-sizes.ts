/*
 * Dict tables by version: how many slots a table has, how many entries it takes, how many bytes it
 * needs, and what size a resize or a presized literal asks for. Pure arithmetic over the profile;
 * heap/dicts.ts does the allocating. Sources, restated:
 *
 *   2.7  Objects/dictobject.c @ 2.7.18: the dict object carries 8 entries (ma_smalltable); a bigger
 *        table is PyMem_NEW'd (C malloc in 2.7) with 3-word entries. An insert that fills 2/3 of the
 *        slots resizes to the smallest power of two above 4 × used (dictresize).
 *   3.6+ Objects/dictobject.c: compact dicts. A keys object holds a header, dk_size index slots of 1,
 *        2, 4 or 8 bytes, and USABLE_FRACTION(dk_size) = 2/3 of it in entries (3 words, or 2 for
 *        str-only tables from 3.11). It is allocated with PyObject_Malloc, so tables above 512 bytes
 *        go to the raw allocator. A full table asks dictresize for GROWTH_RATE; sizes are powers of
 *        two from PyDict_MINSIZE 8.
 */
import type { ObjectProfile } from "../../profiles/object-profile.js";

/** PyDict_MINSIZE: the smallest table, in slots, in every version. */
export const DICT_MINSIZE = 8;

const is2 = (p: ObjectProfile) => p.python[0] === 2;
const atLeast311 = (p: ObjectProfile) => p.python[0] > 3 || (p.python[0] === 3 && p.python[1] >= 11);

/** USABLE_FRACTION: entries a table of `slots` slots takes before it must grow. */
export const usableFraction = (slots: number) => Math.floor((2 * slots) / 3);

/** The smallest power of two ≥ `minsize`, from 8 (3.x dictresize, calculate_keysize). */
export function slotsAtLeast(minsize: number): number {
  let size = DICT_MINSIZE;
  while (size < minsize) size *= 2;
  return size;
}

/** The smallest power of two > `minused`, from 8 (2.7 dictresize and _PyDict_NewPresized). */
export function slotsAbove(minused: number): number {
  let size = DICT_MINSIZE;
  while (size <= minused) size *= 2;
  return size;
}

/** ESTIMATE_SIZE(n) (3.6+): a table that takes n entries without growing. */
export const estimateSlots = (n: number) => slotsAtLeast(Math.floor((3 * n + 1) / 2));

/** Bytes per index slot: 1 up to 255 slots, 2 up to 65,535, then 4 (and 8 on 64-bit above 2^32 - 1). */
export function indexBytes(p: ObjectProfile, slots: number): number {
  if (slots <= 0xff) return 1;
  if (slots <= 0xffff) return 2;
  if (p.pointerSize === 4 || slots <= 0xffff_ffff) return 4;
  return 8;
}

/** Bytes of a 3.x keys object with `slots` slots (what new_keys_object asks PyObject_Malloc for). */
export function keysTableSize(p: ObjectProfile, slots: number, unicode: boolean): number {
  const P = p.pointerSize;
  const entries = usableFraction(slots);
  if (atLeast311(p)) {
    // dk_refcnt; log2 size, log2 index bytes, kind and version packed in 8 bytes; dk_usable; dk_nentries.
    const entry = unicode && p.unicodeKeysEntries ? 2 * P : 3 * P;
    return 3 * P + 8 + slots * indexBytes(p, slots) + entries * entry;
  }
  // 3.6 – 3.10: dk_refcnt, dk_size, dk_lookup, dk_usable, dk_nentries, then indices and 3-word entries.
  return 5 * P + slots * indexBytes(p, slots) + entries * 3 * P;
}

/** Bytes of 2.7's separately allocated entry table (0 while the dict uses ma_smalltable). */
export const table27Size = (p: ObjectProfile, slots: number) =>
  slots === DICT_MINSIZE ? 0 : slots * 3 * p.pointerSize;

/** Bytes of a split dict's values array (3.6 – 3.10 new_values): one pointer per usable entry. */
export const splitValuesSize = (p: ObjectProfile, sharedSlots: number) =>
  usableFraction(sharedSlots) * p.pointerSize;

/** The slots dictresize gives a full table of `used` entries and `slots` slots (GROWTH_RATE). */
export function grownSlots(p: ObjectProfile, used: number, slots: number): number {
  switch (p.dicts.growth) {
    case "4*used":
      return slotsAbove((used > 50_000 ? 2 : 4) * used);
    case "2*used+size/2":
      return slotsAtLeast(used * 2 + (slots >> 1));
    case "3*used":
      return slotsAtLeast(used * 3);
  }
}

/**
 * The table _PyDict_NewPresized (or 3.10+'s _PyDict_FromItems) starts a literal of n items with;
 * undefined means PyDict_New's (2.7: the small table; 3.x: up to 5 items are not presized).
 */
export function presizedSlots(p: ObjectProfile, n: number): number | undefined {
  if (is2(p)) return n > 5 ? slotsAbove(n) : undefined;
  if (n <= usableFraction(DICT_MINSIZE)) return undefined;
  return p.dicts.presize === "above-n" ? slotsAbove(n) : estimateSlots(n);
}

/**
 * How the compiler splits a literal of n items (3.10+ compiler_dict): groups that become one dict
 * each, merged into the first with DICT_UPDATE. `presized` groups are BUILD_MAP n; the others are
 * BUILD_MAP 0 followed by one MAP_ADD per item.
 */
export function literalGroups(p: ObjectProfile, n: number): { count: number; presized: boolean }[] {
  const chunk = p.dicts.literalChunk;
  if (chunk === undefined) return [{ count: n, presized: true }];
  // A group closes when 16 items are pending and a 17th arrives; a group of more than 15 items
  // would use more than STACK_USE_GUIDELINE (30) stack slots, so it is built item by item.
  const groups: { count: number; presized: boolean }[] = [];
  let pending = 0;
  for (let i = 0; i < n; i++) {
    if (pending === chunk - 1) {
      groups.push({ count: chunk, presized: false });
      pending = 0;
    } else pending++;
  }
  if (pending > 0 || groups.length === 0) groups.push({ count: pending, presized: pending * 2 <= 30 });
  return groups;
}

/** The slots of a dict built by n inserts into an empty one (0 for 3.x's shared empty keys). */
export function insertionSlots(p: ObjectProfile, n: number): number {
  if (is2(p)) {
    let slots = DICT_MINSIZE;
    // 2.7 checks after each insert: fill × 3 ≥ slots × 2 resizes.
    for (let used = 1; used <= n; used++) if (used * 3 >= slots * 2) slots = grownSlots(p, used, slots);
    return slots;
  }
  if (n === 0) return p.emptyDictAllocatesKeys ? DICT_MINSIZE : 0;
  let slots = DICT_MINSIZE;
  // 3.x checks before each insert: a full table (no usable entry left) resizes first.
  for (let used = 0; used < n; used++) if (used >= usableFraction(slots)) slots = grownSlots(p, used, slots);
  return slots;
}
