/*
 * One Python object of the model. Objects are few next to pymalloc's blocks (a spec makes tens,
 * a property test thousands), so each is a JS object; its memory is a real block of the model's
 * allocator, and `address` (what id() returns) points into that block.
 */
import type { ObjectSize } from "./sizes.js";

export type Kind =
  | "int"
  | "float"
  | "str"
  | "bytes"
  | "tuple"
  | "list"
  | "dict"
  | "instance"
  | "object"
  | "none"
  | "bool"
  | "class"
  | "long"
  | "function"
  | "weakref"
  /** a builtin function, module or type: made by the runtime, its memory not modelled */
  | "builtin"
  /** a list, tuple, str, dict or range iterator (what `for` walks) */
  | "iterator"
  /** a 3.x range: its items are start, stop, step and length (int objects it holds) */
  | "range"
  /** a complex number: `value` is the real part, `imag` the imaginary one */
  | "complex"
  /** a slot method bound to its object (b"x".__mul__): items[0] is self, functionName the slot */
  | "method-wrapper"
  /** a function bound to self (PyMethodObject): items are the function and self (2.7: and the class) */
  | "method"
  /** a builtin type's method bound to self (PyCFunctionObject): items[0] is self */
  | "builtin-method"
  /** 3.x map(func, iterable): items are the tuple of iterators and the function */
  | "map"
  /** 2.7's unicode (the text type): a fixed object and a separate buffer of 4-byte characters */
  | "unicode"
  /** a set: its hash table is setTable (heap/sets.ts) */
  | "set"
  /** a frozenset: as a set; the model makes them only as constants (3.9+ set displays) */
  | "frozenset";

/** A set table's slot: a key, the dummy a removed key leaves (a symbol), or empty. */
export type SetSlot = PyObject | symbol | undefined;

/** A set's hash table, as PySetObject holds it (heap/sets.ts works it). */
export interface SetTable {
  /** active and dummy slots */
  fill: number;
  /** active slots */
  used: number;
  /** slots - 1 */
  mask: number;
  keys: SetSlot[];
  /** each slot's hash as size_t (unsigned) */
  hashes: bigint[];
  /** the PyMem_Malloc'd table, 0 while the set uses the smalltable inside the object */
  block: number;
  /** is every key's hash CPython's (so the slots are in CPython's order)? */
  orderKnown: boolean;
  /** what made the order unknown, for the refusal */
  unknownBecause?: string;
}

/**
 * Who keeps the object alive, which decides what its count means:
 *   heap          made by the program; the count is exactly the references the model holds
 *   runtime-held  also referenced by the interpreter itself (≤3.10 small ints, None, classes):
 *                 the count moves, but its value includes references the model cannot see
 *   static        3.11: statically allocated, starts at 999,999,999 and still moves
 *   immortal      3.12+ (PEP 683): the count never changes
 */
export type Lifetime = "heap" | "runtime-held" | "static" | "immortal";

/** What a class defined in Python brings to its instances. */
export interface ClassSpec {
  readonly name: string;
  /** __del__: runs with the dying instance; may print, or store it somewhere (resurrection). */
  readonly __del__?: (self: PyObject) => void;
  /** __slots__: fixed attribute names, no __dict__; "__weakref__" among them allows weak references. */
  readonly slots?: readonly string[];
  /** 2.7: a classic class (no base): its instances are PyInstanceObject (class, dict, weakref list). */
  readonly classic?: boolean;
}

/** The body of a function defined in Python: it gets the call's arguments and may return a value. */
export type FunctionBody = (...args: PyObject[]) => PyObject | string | undefined;

/**
 * 3.6 – 3.10: the keys table a class shares with its instances' dicts (PEP 412). It holds the
 * attribute names in insertion order; each dict sharing it keeps only its values.
 */
export interface SharedKeys {
  /** the keys object's block */
  readonly block: number;
  readonly slots: number;
  readonly names: string[];
  /** dk_refcnt: the class (while it caches the table) plus every dict that shares it */
  refcnt: number;
}

/**
 * 3.11+: the attribute names a class's instances share (ht_cached_keys) and how many more it may
 * take (dk_usable). Names plus usable is how many values a new instance gets room for; each new
 * instance lowers usable by one, down to 1 (init_inline_values @ 3.11, 3.12;
 * _PyObject_InitInlineValues @ 3.13), so the first instances of a class are the biggest.
 */
export interface InstanceKeys {
  readonly names: string[];
  usable: number;
}

/**
 * An address handed from object to object through free lists only: from the object that took it
 * from the allocator (`born`: its serial) to the one that has it now. While no object of the line
 * has given it back to the allocator (`released`), no object outside the line can have had it.
 */
export interface AddressLineage {
  readonly born: number;
  released: boolean;
}

export class PyObject {
  /** id(): the object's address. */
  address = 0;
  /** The allocator block holding the object (address minus GC head and pre-header); 0 for runtime objects. */
  block = 0;
  /**
   * The stretch of the run the address was placed in (ObjectHeap.placementUnknown): the addresses
   * of two objects placed in one stretch relate as CPython's do; -1 for an address that relates to
   * none (memory kept on a free list where CPython may have freed it).
   */
  placement = 0;
  /** the line of objects that have had this address, unbroken (see AddressLineage) */
  lineage: AddressLineage | undefined;
  refcnt = 1;
  freed = false;
  /** int (bigint), float and a complex's real part (number), str / bytes / unicode (string) */
  value: bigint | number | string | undefined;
  /** a complex's imaginary part */
  imag = 0;
  /** tuple and list items, in order (made on first use: most objects hold none) */
  get items(): PyObject[] {
    if (this.itemList === undefined) this.itemList = [];
    return this.itemList;
  }
  set items(items: PyObject[]) {
    this.itemList = items;
  }
  private itemList: PyObject[] | undefined;
  /** dict entries, in insertion order (made on first use: most objects are no dicts) */
  get dictKeys(): PyObject[] {
    if (this.keysList === undefined) this.keysList = [];
    return this.keysList;
  }
  set dictKeys(keys: PyObject[]) {
    this.keysList = keys;
  }
  get dictValues(): PyObject[] {
    if (this.valuesList === undefined) this.valuesList = [];
    return this.valuesList;
  }
  set dictValues(values: PyObject[]) {
    this.valuesList = values;
  }
  private keysList: PyObject[] | undefined;
  private valuesList: PyObject[] | undefined;
  /** entries deleted from a 3.x dict's table since it was last resized (dk_nentries - ma_used) */
  dictDeleted = 0;
  /**
   * dict table: 3.x keys object (0 slots means the shared empty keys; block 0 then), or 2.7's entry
   * table (8 slots is ma_smalltable inside the dict, block 0). A split dict (3.6 – 3.10) uses
   * `sharedKeys` instead and keeps its values in `valuesBlock`.
   */
  keysBlock = 0;
  tableSlots = 0;
  /** 3.11+: the keys object takes only str keys (two-word entries) */
  unicodeKeys = true;
  sharedKeys: SharedKeys | undefined;
  /** a split dict's values (3.6 – 3.10), or a 3.11 / 3.12 instance's values array; 0 for none */
  valuesBlock = 0;
  /** a class's cached keys for its instances' dicts (3.6 – 3.10), while it shares them */
  cachedKeys: SharedKeys | undefined;
  /** a class's keys for its instances' values (3.11+) */
  instanceKeys: InstanceKeys | undefined;
  /** list item array: address (0 when NULL) and capacity in items */
  itemsBlock = 0;
  allocated = 0;
  /** instance attributes held by the object itself (3.11+ inline values, __slots__) */
  get attrs(): Map<string, PyObject> {
    if (this.attributeMap === undefined) this.attributeMap = new Map();
    return this.attributeMap;
  }
  private attributeMap: Map<string, PyObject> | undefined;
  /** ≤3.10: the instance's __dict__, a dict object of its own */
  instanceDict: PyObject | undefined;
  /** a set's or frozenset's hash table */
  setTable: SetTable | undefined;
  /** the class of an instance, or the spec of a class object */
  cls: PyObject | undefined;
  classSpec: ClassSpec | undefined;
  /** Weak references to this object, in list order: the callback-less ref first, newest callback refs next. */
  get weakrefs(): PyObject[] {
    if (this.weakrefList === undefined) this.weakrefList = [];
    return this.weakrefList;
  }
  set weakrefs(refs: PyObject[]) {
    this.weakrefList = refs;
  }
  private weakrefList: PyObject[] | undefined;
  /** A weakref's referent; undefined once cleared (calling the weakref then gives None). */
  referent: PyObject | undefined;
  /** A weakref's callback (a function object), held until the weakref dies or is cleared. */
  callback: PyObject | undefined;
  /** A function's name ("<lambda>" for lambdas) and body. */
  functionName = "";
  body: FunctionBody | undefined;
  /** cycle collector state */
  tracked = false;
  generation = 0;
  finalized = false;

  constructor(
    readonly kind: Kind,
    readonly serial: number,
    public lifetime: Lifetime,
    readonly size: ObjectSize | undefined,
  ) {}

  /** Does the collector know this type (a container that can take part in cycles)? */
  get isContainer(): boolean {
    switch (this.kind) {
      case "tuple":
      case "list":
      case "dict":
      case "instance":
      case "function":
      case "weakref":
      case "iterator":
      case "method-wrapper":
      case "method":
      case "builtin-method":
      case "map":
      case "set":
      case "frozenset":
        return true;
      default:
        return false;
    }
  }

  /** The objects this one holds a reference to, in CPython's tp_traverse order. */
  referents(): PyObject[] {
    switch (this.kind) {
      case "tuple":
      case "list":
        return this.items;
      case "dict": {
        const out: PyObject[] = [];
        for (let i = 0; i < this.dictKeys.length; i++)
          out.push(this.dictKeys[i] as PyObject, this.dictValues[i] as PyObject);
        return out;
      }
      case "instance":
        return this.instanceDict ? [this.instanceDict] : [...this.attrs.values()];
      case "iterator":
      case "function": // a function's items are its default values (func_traverse visits them)
        return this.items;
      case "weakref":
        // gc_traverse visits only the callback: the referent is not counted.
        return this.callback ? [this.callback] : [];
      case "set":
      case "frozenset": // set_traverse: the keys in slot order
        return (this.setTable?.keys ?? []).filter((k): k is PyObject => typeof k === "object");
      default:
        return [];
    }
  }

  toString(): string {
    return `<${this.kind}#${this.serial} at 0x${this.address.toString(16)}>`;
  }
}

/**
 * _PyObject_GC_MAY_BE_TRACKED: a container that is or may become tracked (anything the collector
 * knows except a tuple already found to hold only atomic items). An untracked dict counts: it is
 * tracked as soon as it holds a container.
 */
export const mayBeTracked = (o: PyObject): boolean => o.isContainer && (o.kind !== "tuple" || o.tracked);
