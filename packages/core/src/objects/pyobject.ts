/*
 * One Python object of the model. Objects are few next to pymalloc's blocks (a spec makes tens,
 * a property test thousands), so each is a JS object; its memory is a real block of the model's
 * allocator, and `address` (what id() returns) points into that block.
 */
import type { ObjectSize } from "./layout.js";

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
  | "class";

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
  /** __slots__: fixed attribute names, no __dict__. */
  readonly slots?: readonly string[];
}

export class PyObject {
  /** id(): the object's address. */
  address = 0;
  /** The allocator block holding the object (address minus GC head and pre-header); 0 for runtime objects. */
  block = 0;
  refcnt = 1;
  freed = false;
  /** int (bigint), float (number), str / bytes (string) */
  value: bigint | number | string | undefined;
  /** tuple and list items, in order */
  items: PyObject[] = [];
  /** dict entries, in insertion order */
  dictKeys: PyObject[] = [];
  dictValues: PyObject[] = [];
  /** dict keys table (3.x), a separate block; 0 when shared or inline */
  keysBlock = 0;
  /** list item array: address (0 when NULL) and capacity in items */
  itemsBlock = 0;
  allocated = 0;
  /** instance attributes held by the object itself (3.11+ inline values, __slots__) */
  attrs = new Map<string, PyObject>();
  /** ≤3.10: the instance's __dict__, a dict object of its own */
  instanceDict: PyObject | undefined;
  /** the class of an instance, or the spec of a class object */
  cls: PyObject | undefined;
  classSpec: ClassSpec | undefined;
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
    return this.kind === "tuple" || this.kind === "list" || this.kind === "dict" || this.kind === "instance";
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
      default:
        return [];
    }
  }

  toString(): string {
    return `<${this.kind}#${this.serial} at 0x${this.address.toString(16)}>`;
  }
}
