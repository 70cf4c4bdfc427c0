/*
 * Dicts on the model's allocator: their tables, how they grow, how literals, dict() and instance
 * dicts are built, and what getsizeof reports. layout/dict-sizes.ts has the arithmetic; this file decides
 * which block is allocated or freed when, in CPython's order (Objects/dictobject.c):
 *
 *   PyDict_New        dict object from the free list; 3.6/3.7 allocate a minimum keys table first,
 *                     3.8+ share the static empty keys, 2.7 uses the table inside the object
 *   dict_new          dict(...): tp_alloc, fresh memory (never the free list); 3.6 – 3.9 then allocate
 *                     a minimum keys table
 *   insertdict        3.x grows a full table before inserting (dictresize: new table, then the old
 *                     one freed); 2.7 grows after an insert fills 2/3 of the slots
 *   3.11+             a str-only table takes two-word entries; a non-str key converts it first
 *   split tables      3.6 – 3.10 instance dicts share their class's keys (PEP 412) and keep a values
 *                     array each (PyMem_Malloc); an insert out of order, or into a full shared table,
 *                     turns the dict into a combined one; _PyObjectDict_SetItem then lets the class
 *                     share the grown table if no other dict still uses the old one
 *
 * delitem_common  deletion leaves a dummy: 3.x's dk_nentries stays, so the next resize comes as
 *                 soon as without the deletion, sized by the keys left; a new key in a 2.7 dict
 *                 with dummies is refused (whether it takes one depends on hashes)
 *
 * Not modelled: dict_merge's clone fast path for an
 * empty target (it allocates the same table size, so sizes do not change), and the evaluation of a
 * 3.10+ literal's later items after its first dicts exist (the model evaluates every item first).
 */
import { NotModelledError } from "../../errors.js";
import { FreeList, type FreeListView, type GuessHook } from "../allocators/free-lists.js";
import {
  DICT_MINSIZE,
  estimateSlots,
  grownSlots,
  keysTableSize,
  literalGroups,
  presizedSlots,
  slotsAbove,
  splitValuesSize,
  table27Size,
  usableFraction,
} from "../layout/dict-sizes.js";
import { mayBeTracked, type PyObject, type SharedKeys } from "../layout/pyobject.js";
import { dictSizeWithTable, getsizeof } from "../layout/sizes.js";
import type { HeapAccess } from "./heap-access.js";

const isStr = (o: PyObject) => o.kind === "str";

/**
 * The integer a numeric key equals exactly (an int, a long, a bool or an integral float), or
 * undefined (a fractional or non-finite float, or no number at all). Python compares ints and
 * floats by exact value (float_richcompare), so 2**53 + 1 != 2.0**53 although Number() says equal.
 */
export function integralValue(o: PyObject): bigint | undefined {
  if (o.kind === "int" || o.kind === "long" || o.kind === "bool") return o.value as bigint;
  if (o.kind === "float" && Number.isInteger(o.value)) return BigInt(o.value as number);
  return undefined;
}

const isNumber = (o: PyObject) =>
  o.kind === "int" || o.kind === "long" || o.kind === "float" || o.kind === "bool";

/** Python's == for the keys the model makes: the same object, or equal values of comparable kinds. */
export function sameKey(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) {
    const x = integralValue(a);
    const y = integralValue(b);
    if (x !== undefined || y !== undefined) return x === y;
    return a.value === b.value; // two fractional floats (NaN equals nothing but itself)
  }
  return a.kind === b.kind && a.value !== undefined && a.value === b.value;
}

export class DictTables {
  /** keys_free_list (3.7+): minimum-size keys tables kept for reuse. */
  private readonly keysList: FreeList;

  constructor(
    private readonly heap: HeapAccess,
    startUpGuess?: GuessHook,
  ) {
    this.keysList = new FreeList("dict keys", heap.profile.freeLists.dictKeys, startUpGuess);
  }

  /** keys_free_list, read-only. */
  get keysFreeList(): FreeListView {
    return this.keysList;
  }

  /** CPython may have used keys_free_list where the model did not (FreeList.forgetEntries). */
  forgetKeysEntries(because?: string): void {
    this.keysList.forgetEntries(because);
  }

  /** PyDict_ClearFreeList (3.7+) frees the kept keys tables too; full collections call it. */
  clearKeysFreeList(): void {
    this.keysList.clear((s) => this.heap.pm.free(s.block));
  }

  private get p() {
    return this.heap.profile;
  }

  private get is27() {
    return this.heap.profile.python[0] === 2;
  }

  // ------------------------------------------------------------------ constructors (new references)

  /** PyDict_New: `{}` and BUILD_MAP of up to five items. */
  newDict(): PyObject {
    if (this.is27) return this.wrap(DICT_MINSIZE, true, 0);
    if (this.p.emptyDictAllocatesKeys)
      return this.wrap(DICT_MINSIZE, true, this.allocKeys(DICT_MINSIZE, true));
    return this.wrap(0, true, 0);
  }

  /** _PyDict_NewPresized(n) and 3.10+'s _PyDict_FromItems: a table that takes n items without growing. */
  presized(n: number, unicode: boolean): PyObject {
    const slots = presizedSlots(this.p, n);
    if (slots === undefined) return this.newDict();
    if (this.is27) {
      const d = this.newDict();
      this.resize27(d, slots);
      return d;
    }
    return this.wrap(slots, unicode, this.allocKeys(slots, unicode));
  }

  /** {k: v, ...} (steals keys and values): BUILD_MAP, or 3.10+'s chunks merged with DICT_UPDATE. */
  literal(keys: PyObject[], values: PyObject[]): PyObject {
    let base: PyObject | undefined;
    let at = 0;
    for (const group of literalGroups(this.p, keys.length)) {
      const ks = keys.slice(at, at + group.count);
      const vs = values.slice(at, at + group.count);
      at += group.count;
      const part = group.presized ? this.presized(ks.length, ks.every(isStr)) : this.newDict();
      ks.forEach((k, i) => {
        this.setItem(part, k, vs[i] as PyObject);
      });
      if (base === undefined) base = part;
      else {
        this.merge(base, part);
        this.heap.decref(part);
      }
    }
    return base as PyObject;
  }

  /**
   * dict(), dict(mapping) or dict(pairs): dict_new (fresh memory; 3.6 – 3.9 with a minimum table of
   * its own), then dict_merge for a dict or one PyDict_SetItem per pair (a list or tuple of 2-item
   * tuples or lists). The source keeps its references; the new dict takes new ones.
   */
  call(source?: PyObject): PyObject {
    if (source && source.kind !== "dict" && source.kind !== "list" && source.kind !== "tuple") {
      throw new NotModelledError(`dict() of a ${source.kind} is not modelled (a dict, list or tuple is)`);
    }
    const pairs = source && source.kind !== "dict" ? source.items : [];
    for (const pair of pairs) {
      if ((pair.kind !== "tuple" && pair.kind !== "list") || pair.items.length !== 2)
        throw new NotModelledError("dict() needs a sequence of 2-item tuples or lists");
    }
    const d = this.heap.allocateObject(
      "dict",
      dictSizeWithTable(this.p, this.is27 ? DICT_MINSIZE : 0, true),
      true,
    );
    d.tableSlots = this.is27 ? DICT_MINSIZE : 0;
    if (!this.is27 && this.p.dicts.dictNewAllocatesKeys) {
      d.keysBlock = this.allocKeys(DICT_MINSIZE, true);
      d.tableSlots = DICT_MINSIZE;
    }
    if (this.p.collector.dictTracking === "always") this.heap.track(d);
    if (source?.kind === "dict") this.merge(d, source);
    for (const pair of pairs) {
      const [k, v] = pair.items as [PyObject, PyObject];
      this.setItem(d, this.heap.incref(k), this.heap.incref(v));
    }
    return d;
  }

  // ------------------------------------------------------------------ mutation

  /** d[key] = value (PyDict_SetItem; steals both references). */
  setItem(d: PyObject, key: PyObject, value: PyObject): void {
    const i = d.dictKeys.findIndex((k) => sameKey(k, key));
    if (i >= 0) {
      // The dict keeps its key and drops the new one.
      const old = d.dictValues[i] as PyObject;
      d.dictValues[i] = value;
      this.maintainTracking(d, key, value);
      this.heap.decref(key);
      this.heap.decref(old);
      return;
    }
    if (this.is27 && d.dictDeleted > 0)
      throw new NotModelledError(
        "a new key in a 2.7 dict that had keys deleted (whether it takes a dummy slot depends on hashes)",
      );
    if (!this.is27 && !(d.sharedKeys && this.insertSplit(d, key))) this.makeRoom3(d, key);
    d.dictKeys.push(key);
    d.dictValues.push(value);
    if (!isStr(key)) d.unicodeKeys = false;
    this.maintainTracking(d, key, value);
    if (this.is27) this.grow27(d);
  }

  /**
   * dict_merge(target, source): one resize up front when the source would not fit (2.7: fill and
   * its items over 2/3 of the slots, to twice the total; 3.6+: when the source outnumbers the
   * target's usable entries, to ESTIMATE_SIZE of the total; measured on 3.6.15, whose dict(d) keeps
   * 16 slots for 9 and 10 items where doubling the total would give 32), then one insert per entry
   * with new references.
   */
  merge(target: PyObject, source: PyObject): void {
    const n = source.dictKeys.length;
    if (n === 0 || target === source) return;
    const used = target.dictKeys.length;
    if (this.is27) {
      if ((used + n) * 3 >= target.tableSlots * 2) this.resize27(target, slotsAbove((used + n) * 2));
    } else if (usableFraction(target.tableSlots) < n) {
      this.resize(target, estimateSlots(used + n), source.unicodeKeys);
    }
    source.dictKeys.forEach((k, i) => {
      const v = source.dictValues[i] as PyObject;
      if (this.is27) this.insertNoGrowth27(target, this.heap.incref(k), this.heap.incref(v));
      else this.setItem(target, this.heap.incref(k), this.heap.incref(v));
    });
  }

  /**
   * del d[key] (delitem_common, 3.x): the entry is emptied and its index becomes a dummy, so the
   * table's usable entries do not come back until it is resized; then the key and the value are
   * let go, in that order. False when the key is missing. 2.7 leaves a dummy slot too (ma_fill
   * stays); whether a later new key takes it depends on hashes, so setItem refuses that. A split
   * table (an instance's __dict__) goes through deleteAttribute.
   */
  deleteItem(d: PyObject, key: PyObject): boolean {
    if (d.sharedKeys) throw new NotModelledError("deleting from a dict with a split table");
    const i = d.dictKeys.findIndex((k) => sameKey(k, key));
    if (i < 0) return false;
    const [oldKey] = d.dictKeys.splice(i, 1);
    const [oldValue] = d.dictValues.splice(i, 1);
    d.dictDeleted++;
    // 2.7's PyDict_DelItem lets go of the value, then the key; 3.x's delitem_common the key first
    const [first, second] = this.is27 ? [oldValue, oldKey] : [oldKey, oldValue];
    this.heap.decref(first as PyObject);
    this.heap.decref(second as PyObject);
    return true;
  }

  // ------------------------------------------------------------------ instance dicts (≤3.10)

  /** type_new (3.6 – 3.10): a class whose instances have a __dict__ caches a minimum shared keys table. */
  classKeys(): SharedKeys | undefined {
    if (!this.p.dicts.splitTables || this.is27) return undefined;
    return { block: this.allocKeys(DICT_MINSIZE, true), slots: DICT_MINSIZE, names: [], refcnt: 1 };
  }

  /** PyObject_GenericGetDict: the instance's __dict__ (borrowed), made on first use. */
  instanceDict(self: PyObject): PyObject {
    if (self.instanceDict) return self.instanceDict;
    const shared = self.cls?.cachedKeys;
    self.instanceDict = shared ? this.newSplitDict(shared) : this.newDict();
    return self.instanceDict;
  }

  /** _PyObjectDict_SetItem: obj.name = value on an instance with a __dict__ (steals value). */
  setAttribute(self: PyObject, name: string, value: PyObject): void {
    const cls = self.cls as PyObject;
    const d = this.instanceDict(self);
    const wasShared = cls.cachedKeys !== undefined && d.sharedKeys === cls.cachedKeys;
    this.setItem(d, this.heap.incref(this.heap.runtime.identifier(name)), value);
    const cached = cls.cachedKeys;
    if (wasShared && cached !== undefined && d.sharedKeys !== cached) {
      // The insert turned this dict into a combined one. The class shares the new table if no
      // other dict still uses the old one; otherwise it stops sharing.
      cls.cachedKeys = cached.refcnt === 1 ? this.makeKeysShared(d) : undefined;
      this.decrefShared(cached);
    }
  }

  /**
   * del obj.name on an instance with a __dict__ (_PyObjectDict_SetItem with NULL, 3.6 – 3.10): a
   * split table does not allow deletion, so PyDict_DelItem first combines it (dictresize to the same
   * size), and the class stops sharing its keys with later instances (their dicts are combined:
   * getsizeof 248 bytes on 3.6 against 120 shared). False when there is no such attribute; that
   * case is refused on 3.6 – 3.10, where the dict was measured to grow by a rule not traced here.
   */
  deleteAttribute(self: PyObject, name: string): boolean {
    const d = self.instanceDict;
    const key = this.heap.runtime.identifier(name);
    const present = d?.dictKeys.some((k) => sameKey(k, key)) ?? false;
    if (!d || !present) {
      if (d?.sharedKeys || self.cls?.cachedKeys)
        throw new NotModelledError("deleting a missing attribute of an instance whose class shares its keys");
      return false;
    }
    if (d.sharedKeys) this.resize(d, d.sharedKeys.slots, true);
    this.deleteItem(d, key);
    const cls = self.cls as PyObject;
    const cached = cls.cachedKeys;
    if (cached) {
      cls.cachedKeys = undefined;
      this.decrefShared(cached);
    }
    return true;
  }

  // ------------------------------------------------------------------ teardown and size

  /**
   * How many times a 2.7 dict let go of two or more keys or values that died with it. 2.7 does that
   * in the order of its hash table's slots; the model follows insertion order, so a caller that must
   * be exact (@pymem/python) refuses a run where this count moved.
   */
  releasedInHashOrder = 0;

  /** The reference-dropping part of dict_dealloc and of tp_clear (PyDict_Clear). */
  clear(d: PyObject): void {
    const { dictKeys: keys, dictValues: values, sharedKeys: shared } = d;
    const inHashOrder =
      this.is27 &&
      keys.length > 1 &&
      [...keys, ...values].filter((o) => o.lifetime === "heap" && o.refcnt === 1).length > 1;
    const [block, slots, unicode, valuesBlock] = [d.keysBlock, d.tableSlots, d.unicodeKeys, d.valuesBlock];
    d.dictKeys = [];
    d.dictValues = [];
    d.keysBlock = 0;
    d.dictDeleted = 0;
    d.tableSlots = this.is27 ? DICT_MINSIZE : 0;
    d.unicodeKeys = true;
    d.sharedKeys = undefined;
    d.valuesBlock = 0;
    for (let i = 0; i < keys.length; i++) {
      this.heap.decref(keys[i] as PyObject);
      this.heap.decref(values[i] as PyObject);
    }
    if (shared) {
      this.heap.pm.memFree(valuesBlock);
      this.decrefShared(shared);
    } else if (this.is27) {
      if (block !== 0) this.heap.pm.memFree(block);
    } else if (slots > 0) this.freeKeys(block, slots, unicode);
    if (inHashOrder) this.releasedInHashOrder++; // after the finalizers the release ran
  }

  /** sys.getsizeof(d): the object, a split dict's values, and the keys table if no one shares it. */
  sizeOf(d: PyObject): number {
    const p = this.p;
    const base = getsizeof(dictSizeWithTable(p, this.is27 ? DICT_MINSIZE : 0, true));
    if (this.is27) return base + table27Size(p, d.tableSlots);
    const shared = d.sharedKeys;
    if (shared) {
      const keys = shared.refcnt === 1 ? keysTableSize(p, shared.slots, true) : 0;
      return base + splitValuesSize(p, shared.slots) + keys;
    }
    return base + (d.tableSlots > 0 ? keysTableSize(p, d.tableSlots, d.unicodeKeys) : 0);
  }

  // ------------------------------------------------------------------ tables

  /** new_keys_object: minimum tables come from keys_free_list (3.7+; 3.11+ only str-keyed ones). */
  private allocKeys(slots: number, unicode: boolean): number {
    if (slots === DICT_MINSIZE && (unicode || !this.p.dicts.keysFreeListUnicodeOnly)) {
      const slot = this.keysList.pop();
      if (slot) return slot.block;
    }
    return this.heap.pm.malloc(keysTableSize(this.p, slots, unicode));
  }

  /** free_keys_object: a minimum table goes back on keys_free_list when it has room. */
  private freeKeys(block: number, slots: number, unicode: boolean): void {
    const listable = slots === DICT_MINSIZE && (unicode || !this.p.dicts.keysFreeListUnicodeOnly);
    if (listable && this.keysList.push({ block, address: block })) return;
    this.heap.pm.free(block);
  }

  /** new_dict: a dict object (free list first) around a table. */
  private wrap(slots: number, unicode: boolean, block: number): PyObject {
    const size = dictSizeWithTable(this.p, this.is27 ? DICT_MINSIZE : 0, true);
    const d = this.heap.allocateDict(size);
    d.tableSlots = slots;
    d.unicodeKeys = unicode;
    d.keysBlock = block;
    if (this.p.collector.dictTracking === "always") this.heap.track(d);
    return d;
  }

  /** 3.x insertdict before a new key: the empty keys get a table, a full table grows. */
  private makeRoom3(d: PyObject, key: PyObject): void {
    const used = d.dictKeys.length;
    if (d.tableSlots === 0) {
      // insert_to_emptydict: a minimum table, str-only if the key is a str (3.11+).
      d.keysBlock = this.allocKeys(DICT_MINSIZE, isStr(key));
      d.tableSlots = DICT_MINSIZE;
      d.unicodeKeys = isStr(key);
      return;
    }
    if (this.p.unicodeKeysEntries && d.unicodeKeys && !isStr(key)) {
      this.resize(d, grownSlots(this.p, used, d.tableSlots), false);
    }
    if (used + d.dictDeleted >= usableFraction(d.tableSlots)) {
      this.resize(d, grownSlots(this.p, used, d.tableSlots), d.unicodeKeys && isStr(key));
    }
  }

  /** dictresize (3.x): the new table first, then the old one (or a split dict's values) freed. */
  private resize(d: PyObject, slots: number, unicode: boolean): void {
    const block = this.allocKeys(slots, unicode);
    const shared = d.sharedKeys;
    if (shared) {
      this.heap.pm.memFree(d.valuesBlock);
      d.valuesBlock = 0;
      d.sharedKeys = undefined;
      this.decrefShared(shared);
    } else if (d.tableSlots > 0) this.freeKeys(d.keysBlock, d.tableSlots, d.unicodeKeys);
    d.keysBlock = block;
    d.tableSlots = slots;
    d.unicodeKeys = unicode;
    d.dictDeleted = 0;
  }

  /** 2.7 insertdict's caller: resize once an insert fills 2/3 of the slots. */
  private grow27(d: PyObject): void {
    const used = d.dictKeys.length;
    if (used * 3 >= d.tableSlots * 2) this.resize27(d, grownSlots(this.p, used, d.tableSlots));
  }

  /** 2.7 dictresize: ma_smalltable for 8 slots, else a PyMem_NEW'd table; the old table freed after. */
  private resize27(d: PyObject, slots: number): void {
    if (slots === d.tableSlots && slots === DICT_MINSIZE) return;
    const block = slots === DICT_MINSIZE ? 0 : this.heap.pm.memMalloc(table27Size(this.p, slots));
    if (d.keysBlock !== 0) this.heap.pm.memFree(d.keysBlock);
    d.keysBlock = block;
    d.tableSlots = slots;
    d.dictDeleted = 0;
  }

  /** 2.7 dict_merge inserts with insertdict_by_entry, which never resizes. */
  private insertNoGrowth27(d: PyObject, key: PyObject, value: PyObject): void {
    const i = d.dictKeys.findIndex((k) => sameKey(k, key));
    if (i >= 0) {
      const old = d.dictValues[i] as PyObject;
      d.dictValues[i] = value;
      this.heap.decref(key);
      this.heap.decref(old);
    } else {
      if (d.dictDeleted > 0) throw new NotModelledError("a new key in a 2.7 dict that had keys deleted");
      d.dictKeys.push(key);
      d.dictValues.push(value);
    }
    this.maintainTracking(d, key, value);
  }

  /** MAINTAIN_TRACKING: a dict is tracked once it holds a key or value that may be tracked. */
  private maintainTracking(d: PyObject, key: PyObject, value: PyObject): void {
    if (!d.tracked && (mayBeTracked(key) || mayBeTracked(value))) this.heap.track(d);
  }

  // ------------------------------------------------------------------ split tables (3.6 – 3.10)

  /** new_dict_with_shared_keys: a values array for every usable entry, then the dict object. */
  private newSplitDict(shared: SharedKeys): PyObject {
    const values = this.heap.pm.memMalloc(splitValuesSize(this.p, shared.slots));
    shared.refcnt++;
    const d = this.wrap(0, true, 0);
    d.sharedKeys = shared;
    d.valuesBlock = values;
    return d;
  }

  /**
   * insertdict on a split dict: true when the key went in split form (it is the next shared name,
   * or a new name the shared table has room for); false after converting the dict to a combined
   * table, which the caller then inserts into.
   */
  private insertSplit(d: PyObject, key: PyObject): boolean {
    const shared = d.sharedKeys as SharedKeys;
    const used = d.dictKeys.length;
    const ix = isStr(key) ? shared.names.indexOf(key.value as string) : -1;
    const inOrder = isStr(key) && (ix >= 0 ? ix === used : used === shared.names.length);
    const fits = ix >= 0 || usableFraction(shared.slots) > shared.names.length;
    if (inOrder && fits) {
      if (ix < 0) shared.names.push(key.value as string);
      return true;
    }
    this.resize(d, grownSlots(this.p, used, shared.slots), true);
    return false;
  }

  /** make_keys_shared: the combined dict's table becomes the class's shared table; values move out. */
  private makeKeysShared(d: PyObject): SharedKeys | undefined {
    if (!d.dictKeys.every(isStr) || d.tableSlots === 0) return undefined;
    const values = this.heap.pm.memMalloc(splitValuesSize(this.p, d.tableSlots));
    const shared: SharedKeys = {
      block: d.keysBlock,
      slots: d.tableSlots,
      names: d.dictKeys.map((k) => k.value as string),
      refcnt: 2, // the dict and the class
    };
    d.keysBlock = 0;
    d.tableSlots = 0;
    d.sharedKeys = shared;
    d.valuesBlock = values;
    return shared;
  }

  private decrefShared(shared: SharedKeys): void {
    if (--shared.refcnt === 0) this.freeKeys(shared.block, shared.slots, true);
  }
}
