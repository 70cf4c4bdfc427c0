/*
 * Sets: PySetObject's open-addressing hash table (Objects/setobject.c), slot for slot, so that the
 * model knows where each key sits and therefore the order in which iteration, repr and set_dealloc
 * visit the keys, when the table is resized, and what getsizeof reports.
 *
 *   fill   active and dummy slots          used   active slots
 *   mask   slots - 1 (8 slots in the object itself, the smalltable; larger tables from PyMem_Malloc)
 *
 * Where a key goes is decided by its hash. The model computes CPython's hash for ints, bools,
 * integral floats and (2.7, which does not randomize them) str and bytes; any other key (a 3.x
 * str, whose hash is randomized per process; an object, hashed by address) gets a stand-in hash
 * and makes the set's order unknown: the table still grows exactly as CPython's does, since
 * growth depends only on fill and used, but the order of its keys is refused.
 *
 * Probing differs by version: 2.7 jumps by i*5 + perturb + 1 from the start; 3.x first looks at
 * up to LINEAR_PROBES (9) slots after the start, then jumps (setobject.c, set_add_entry and
 * set_insert_clean). Growth: a table is rebuilt for used*4 keys (used*2 past 50,000) once
 *   2.7   fill*3 >= (mask+1)*2      after an insert that added a key
 *   3.6   fill*3 >= mask*2
 *   3.7+  fill*5 >= mask*3
 * (measured: 2.7 grows at the 6th, 22nd and 86th add, 3.6 at the 5th, 21st, 85th, 3.7+ at the 5th,
 * 19th, 77th).
 */
import { NotModelledError, WrongKindError } from "../../errors.js";
import type { ObjectProfile } from "../../profiles/object-profile.js";
import type { PyObject, SetSlot, SetTable } from "../layout/pyobject.js";
import { getsizeof, type ObjectSize, setSize } from "../layout/sizes.js";
import { integralValue, sameKey } from "./dicts.js";
import type { HeapAccess } from "./heap-access.js";

/** PySet_MINSIZE: the smalltable's slots. */
export const SET_MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
/** the dummy key a deleted slot keeps (setobject.c's `dummy`) */
const DUMMY = Symbol("dummy");

type Slot = SetSlot;
/** an active slot (not empty, not a dummy) */
const isKey = (k: Slot): k is PyObject => typeof k === "object";

/** A key's hash as CPython computes it (Py_hash_t), or undefined when the model does not know it. */
export function hashOf(o: PyObject, profile: ObjectProfile): bigint | undefined {
  const bits = BigInt(profile.pointerSize * 8);
  const py2 = profile.python[0] === 2;
  const fix = (h: bigint) => (h === -1n ? -2n : h);
  const ofInt = (v: bigint): bigint => {
    if (py2) return fix(BigInt.asIntN(Number(bits), v)); // int_hash: the C long itself
    // long_hash: |v| mod 2**61 - 1 (2**31 - 1 on 32-bit builds), with v's sign
    const modulus = (1n << (bits === 64n ? 61n : 31n)) - 1n;
    const h = (v < 0n ? -v : v) % modulus;
    return fix(v < 0n ? -h : h);
  };
  const n = integralValue(o);
  if (n !== undefined) {
    // 2.7's int_hash is the C long itself, and an equal long or integral float hashes the same;
    // beyond a C long, long_hash's digits are not modelled. 3.x: every number equal to n.
    if (!py2) return ofInt(n);
    return BigInt.asIntN(Number(bits), n) === n ? ofInt(n) : undefined;
  }
  switch (o.kind) {
    case "str":
    case "bytes":
      return py2 ? string27Hash(o.value as string, bits) : undefined;
    default:
      return undefined; // a fractional float (_Py_HashDouble's frexp loop is not modelled), …
  }
}

/** 2.7's string_hash with randomization off (its default): x = (1000003*x) ^ byte over the bytes. */
function string27Hash(s: string, bits: bigint): bigint {
  if (s.length === 0) return 0n;
  const n = Number(bits);
  let x = BigInt.asIntN(n, BigInt(s.charCodeAt(0)) << 7n);
  for (let i = 0; i < s.length; i++) x = BigInt.asIntN(n, (1000003n * x) ^ BigInt(s.charCodeAt(i)));
  x = BigInt.asIntN(n, x ^ BigInt(s.length));
  return x === -1n ? -2n : x;
}

/**
 * A hash for a key whose CPython hash the model does not know: equal keys must get equal ones, so a
 * number hashes by the integer it equals or by its value, a str or bytes by its value (FNV-1a over a
 * text of it), anything else by identity.
 */
function standInHash(key: PyObject, bits: number): bigint {
  const n = integralValue(key);
  const byValue =
    key.kind === "str" || key.kind === "bytes" || key.kind === "float" || key.kind === "unicode";
  const text = n !== undefined ? `n:${n}` : byValue ? `${key.kind}:${String(key.value)}` : `#${key.serial}`;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++)
    h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return BigInt.asUintN(bits, h);
}

export class SetTables {
  private readonly is27: boolean;
  private readonly py36: boolean;
  private readonly sizeBits: number;
  /**
   * Which dummy slot on its probe path an add reuses: the first (2.7, 3.6), the last before the
   * empty slot that ends the probe (3.7, 3.8, 3.10+), or none (3.9: it takes the empty slot, so
   * fill grows). Measured: 40 random add/discard programs agree on each native build.
   */
  private readonly dummyReuse: "first" | "last" | "none";

  constructor(private readonly heap: HeapAccess) {
    const [major, minor] = heap.profile.python;
    this.is27 = major === 2;
    this.py36 = major === 3 && minor === 6;
    this.sizeBits = heap.profile.pointerSize * 8;
    this.dummyReuse = major === 2 || minor === 6 ? "first" : minor === 9 ? "none" : "last";
  }

  /** make_new_set: an empty set (2.7: from the set free list when it has one), tracked. */
  create(frozen = false): PyObject {
    const o = this.heap.allocateSet(frozen ? "frozenset" : "set", setSize(this.heap.profile));
    o.setTable = {
      fill: 0,
      used: 0,
      mask: SET_MINSIZE - 1,
      keys: new Array<Slot>(SET_MINSIZE).fill(undefined),
      hashes: new Array<bigint>(SET_MINSIZE).fill(0n),
      block: 0,
      orderKnown: true,
    };
    this.heap.track(o);
    return o;
  }

  private table(o: PyObject): SetTable {
    if (!o.setTable) throw new WrongKindError(`${o} is not a set or frozenset`);
    return o.setTable;
  }

  /** The key's hash as the table uses it (size_t), a stand-in marking the order unknown if need be. */
  private hashFor(t: SetTable, key: PyObject): bigint {
    const h = hashOf(key, this.heap.profile);
    if (h !== undefined) return BigInt.asUintN(this.sizeBits, h);
    if (t.orderKnown) {
      t.orderKnown = false;
      t.unknownBecause = `a key of type ${key.kind}, whose hash the model does not compute`;
    }
    return standInHash(key, this.sizeBits);
  }

  /** The slots a probe for `hash` visits, in order (the first empty one ends a search). */
  private *probe(hash: bigint, mask: number): Generator<number> {
    const m = BigInt(mask);
    let perturb = hash;
    if (this.is27) {
      // set_lookkey @ 2.7: i = hash & mask, then i = i*5 + perturb + 1 (unmasked), perturb >>= 5
      let i = hash & m;
      yield Number(i);
      for (;;) {
        i = BigInt.asUintN(this.sizeBits, (i << 2n) + i + perturb + 1n);
        yield Number(i & m);
        perturb >>= PERTURB_SHIFT;
      }
    }
    let i = Number(hash & m);
    for (;;) {
      yield i;
      if (i + LINEAR_PROBES <= mask) for (let j = 1; j <= LINEAR_PROBES; j++) yield i + j;
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & m);
    }
  }

  /** The slot holding a key equal to `key`, or -1. */
  private find(t: SetTable, key: PyObject, hash: bigint): number {
    for (const i of this.probe(hash, t.mask)) {
      const k = t.keys[i];
      if (k === undefined) return -1;
      if (isKey(k) && t.hashes[i] === hash && sameKey(k, key)) return i;
    }
    return -1;
  }

  /** x in s */
  contains(o: PyObject, key: PyObject): boolean {
    const t = this.table(o);
    const h = hashOf(key, this.heap.profile);
    if (h === undefined) return this.keysOf(t).some((k) => sameKey(k, key));
    return this.find(t, key, BigInt.asUintN(this.sizeBits, h)) >= 0;
  }

  /** set_add_key: adds `key` (a new reference to it) unless an equal key is there; may resize. */
  add(o: PyObject, key: PyObject): void {
    const t = this.table(o);
    const reused = this.insertKey(t, key, this.hashFor(t, key));
    if (reused === undefined) return;
    // 3.x returns at once when a dummy slot was reused; 2.7 checks the fill either way
    if (reused && !this.is27) return;
    if (this.grows(t)) this.resize(o, t.used > 50000 ? t.used * 2 : t.used * 4);
  }

  /**
   * Puts `key` in its slot, no resize: undefined when an equal key is there, else whether a dummy
   * slot on the probe path was reused (dummyReuse).
   */
  private insertKey(t: SetTable, key: PyObject, hash: bigint): boolean | undefined {
    if (this.find(t, key, hash) >= 0) return undefined;
    if (!t.orderKnown && t.fill !== t.used)
      throw new NotModelledError(
        "adding to a set whose order is unknown after a removal (which slot it reuses)",
      );
    let free = -1;
    let empty = -1;
    for (const i of this.probe(hash, t.mask)) {
      const k = t.keys[i];
      if (k === undefined) {
        empty = i;
        break;
      }
      if (k === DUMMY && this.dummyReuse !== "none" && (free < 0 || this.dummyReuse === "last")) free = i;
    }
    const at = free >= 0 ? free : empty;
    t.keys[at] = this.heap.incref(key);
    t.hashes[at] = hash;
    t.used++;
    if (free < 0) t.fill++;
    return free >= 0;
  }

  private grows(t: SetTable): boolean {
    if (this.is27) return t.fill * 3 >= (t.mask + 1) * 2;
    if (this.py36) return t.fill * 3 >= t.mask * 2;
    return t.fill * 5 >= t.mask * 3;
  }

  /**
   * set_discard_key: true when the key was there (its slot becomes a dummy, its reference dropped).
   * Where the order is unknown this is still exact; only a later add, which may reuse the dummy, is not.
   */
  discard(o: PyObject, key: PyObject): boolean {
    const t = this.table(o);
    const at = this.find(t, key, this.hashFor(t, key));
    if (at < 0) return false;
    const old = t.keys[at] as PyObject;
    t.keys[at] = DUMMY;
    t.used--;
    this.heap.decref(old);
    return true;
  }

  /** set_table_resize: the smallest power of two above `minused` (at least 8); keys reinserted in slot order. */
  private resize(o: PyObject, minused: number): void {
    const t = this.table(o);
    let size = SET_MINSIZE;
    while (size <= minused) size <<= 1;
    if (size === SET_MINSIZE && t.block === 0 && t.fill === t.used) return;
    const block = size === SET_MINSIZE ? 0 : this.heap.pm.memMalloc(size * this.entryBytes);
    const [keys, hashes] = [t.keys, t.hashes];
    t.keys = new Array<Slot>(size).fill(undefined);
    t.hashes = new Array<bigint>(size).fill(0n);
    t.mask = size - 1;
    t.fill = t.used;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (isKey(k)) this.insertClean(t, k, hashes[i] as bigint);
    }
    if (t.block !== 0) this.heap.pm.memFree(t.block);
    t.block = block;
  }

  /** set_insert_clean: into the first empty slot of the probe (no dummies, no equal key). */
  private insertClean(t: SetTable, key: PyObject, hash: bigint): void {
    for (const i of this.probe(hash, t.mask)) {
      if (t.keys[i] === undefined) {
        t.keys[i] = key;
        t.hashes[i] = hash;
        return;
      }
    }
  }

  /**
   * set_update_internal with a set or frozenset (set_merge): one resize up front if the keys
   * would crowd the table, then (3.x) a copy slot for slot when the tables match, or clean inserts
   * in `other`'s slot order into an empty table; otherwise one add per key.
   */
  merge(o: PyObject, other: PyObject): void {
    const t = this.table(o);
    const u = this.table(other);
    if (o === other || u.used === 0) return;
    const crowded = this.is27
      ? (t.fill + u.used) * 3 >= (t.mask + 1) * 2
      : this.py36
        ? (t.fill + u.used) * 3 >= t.mask * 2
        : (t.fill + u.used) * 5 >= t.mask * 3;
    if (crowded) this.resize(o, (t.used + u.used) * 2);
    if (!u.orderKnown && t.orderKnown) {
      t.orderKnown = false;
      t.unknownBecause = u.unknownBecause ?? "keys whose hashes the model does not compute";
    }
    if (!this.is27 && t.fill === 0) {
      if (t.mask === u.mask && u.fill === u.used) {
        for (let i = 0; i <= u.mask; i++) {
          const k = u.keys[i];
          if (!isKey(k)) continue;
          t.keys[i] = this.heap.incref(k);
          t.hashes[i] = u.hashes[i] as bigint;
        }
      } else {
        for (let i = 0; i <= u.mask; i++) {
          const k = u.keys[i];
          if (isKey(k)) this.insertClean(t, this.heap.incref(k), u.hashes[i] as bigint);
        }
      }
      t.fill = u.used;
      t.used = u.used;
      return;
    }
    // 2.7 inserts every key without resizing again; 3.x adds each (set_add_entry may resize)
    for (let i = 0; i <= u.mask; i++) {
      const k = u.keys[i];
      if (!isKey(k)) continue;
      if (this.is27) this.insertKey(t, k, u.hashes[i] as bigint);
      else this.add(o, k);
    }
  }

  private get entryBytes(): number {
    return 2 * this.heap.profile.pointerSize;
  }

  private keysOf(t: SetTable): PyObject[] {
    return t.keys.filter(isKey);
  }

  /** The keys in slot order (iteration, repr, list(s)); refused when that order is unknown. */
  keys(o: PyObject, what = "the order of a set's items"): PyObject[] {
    const t = this.table(o);
    const keys = this.keysOf(t);
    if (!t.orderKnown && keys.length > 1)
      throw new NotModelledError(`${what}: its slot order (${t.unknownBecause})`);
    return keys;
  }

  /** The keys in slot order, whether or not that order is CPython's (tp_traverse, copies). */
  members(o: PyObject): PyObject[] {
    return this.keysOf(this.table(o));
  }

  /**
   * setiter_iternext: the first key in slot `pos` or after it, and the slot to go on from; undefined
   * past the last. Refused where the slot order is unknown and the set has more than one key.
   */
  keyFrom(o: PyObject, pos: number): { key: PyObject; next: number } | undefined {
    const t = this.table(o);
    if (!t.orderKnown && t.used > 1)
      throw new NotModelledError(`the order of a set's items: its slot order (${t.unknownBecause})`);
    for (let i = pos; i <= t.mask; i++) {
      const k = t.keys[i];
      if (isKey(k)) return { key: k, next: i + 1 };
    }
    return undefined;
  }

  len(o: PyObject): number {
    return this.table(o).used;
  }

  /** sys.getsizeof(s): the object, plus the table when it is not the smalltable (set_sizeof). */
  sizeOf(o: PyObject): number {
    const t = this.table(o);
    const object: ObjectSize = setSize(this.heap.profile);
    return getsizeof(object) + (t.block !== 0 ? (t.mask + 1) * this.entryBytes : 0);
  }

  /**
   * set_dealloc's reference dropping: each key in slot order, then the table freed. When the order is
   * unknown and more than one key dies here, which dies first is unknown.
   */
  clear(o: PyObject): void {
    const t = this.table(o);
    const keys = this.keysOf(t);
    const dying = keys.filter((k) => k.refcnt === 1);
    if (!t.orderKnown && dying.length > 1) {
      // which dies first is unknown: refused where that can show (a __del__, a cycle's member),
      // else only where their memory goes is (ids compare only within a stretch)
      if (dying.some((k) => k.isContainer))
        throw new NotModelledError(`freeing a set's items in its slot order (${t.unknownBecause})`);
      this.heap.placementUnknown(`a set freeing its items in an unknown order (${t.unknownBecause})`);
    }
    const block = t.block;
    t.keys = new Array<Slot>(SET_MINSIZE).fill(undefined);
    t.hashes = new Array<bigint>(SET_MINSIZE).fill(0n);
    t.fill = 0;
    t.used = 0;
    t.mask = SET_MINSIZE - 1;
    t.block = 0;
    t.orderKnown = true;
    for (const k of keys) this.heap.decref(k);
    if (block !== 0) this.heap.pm.memFree(block);
  }
}
