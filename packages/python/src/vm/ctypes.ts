/*
 * The part of ctypes a witness uses to read an object's header without holding the object:
 * `ctypes.sizeof`, the simple types (c_int … c_void_p), `T.from_address(id(x)).value` and
 * `T(v).value`. What is read at an address is what the model has there: an object's reference count
 * (ob_refcnt, its low 32 bits through a 4-byte type), at offset 0 of the object id() was asked
 * about; any other read is refused.
 *
 * ctypes' own objects (the module, its types, every instance and bound method) are runtime objects
 * here: CPython allocates them, the model does not. Each one made is an allocation the model does
 * not make, which the host is told of, so that no id() or block count taken before it is compared
 * with one taken after it.
 */
import { NotModelledError, type ObjectHeap, type PyObject } from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import { PyException } from "./exceptions.js";
import { ADDRESSES, COUNTS_KNOWN_FROM_BELOW } from "./values.js";

/** What ctypes needs from the builtins (an interface, so that neither imports the other). */
export interface CtypesHost {
  readonly heap: ObjectHeap;
  /** an object CPython allocates and the model does not was made (`what`: which, for refusals) */
  unmodelledAllocation(what: string): void;
  /** a builtin function object with this implementation, for a runtime object's attribute table */
  define(
    table: Map<string, PyObject>,
    name: string,
    impl: (args: readonly PyObject[], line: number) => PyObject,
  ): PyObject;
}

interface SimpleType {
  readonly name: string;
  /** bytes; "pointer" for the ones as wide as a pointer on the build (c_long: LP64 Linux, ILP32 wasm) */
  readonly size: 1 | 2 | 4 | 8 | "pointer";
  readonly signed: boolean;
}

/** Modules/_ctypes/cfield.c's formats, by the names ctypes/__init__.py gives them. */
const SIMPLE_TYPES: readonly SimpleType[] = [
  { name: "c_byte", size: 1, signed: true },
  { name: "c_ubyte", size: 1, signed: false },
  { name: "c_short", size: 2, signed: true },
  { name: "c_ushort", size: 2, signed: false },
  { name: "c_int", size: 4, signed: true },
  { name: "c_uint", size: 4, signed: false },
  { name: "c_int8", size: 1, signed: true },
  { name: "c_uint8", size: 1, signed: false },
  { name: "c_int16", size: 2, signed: true },
  { name: "c_uint16", size: 2, signed: false },
  { name: "c_int32", size: 4, signed: true },
  { name: "c_uint32", size: 4, signed: false },
  { name: "c_int64", size: 8, signed: true },
  { name: "c_uint64", size: 8, signed: false },
  { name: "c_long", size: "pointer", signed: true },
  { name: "c_ulong", size: "pointer", signed: false },
  { name: "c_ssize_t", size: "pointer", signed: true },
  { name: "c_size_t", size: "pointer", signed: false },
  { name: "c_void_p", size: "pointer", signed: false },
];

/** An instance of a simple type: a view of the model's memory at an address, or a value of its own. */
type CData =
  | { readonly type: SimpleType; readonly at: PyObject; readonly offset: number }
  | { readonly type: SimpleType; readonly own: bigint };

export class Ctypes {
  /** the module object; undefined until the program imports it */
  private moduleObject: PyObject | undefined;
  private readonly typeOfObject = new Map<PyObject, SimpleType>();
  private readonly instances = new WeakMap<PyObject, CData>();

  constructor(
    private readonly host: CtypesHost,
    /** the attribute tables of runtime objects the builtins keep */
    private readonly attributeTables: Map<PyObject, Map<string, PyObject>>,
  ) {}

  private get heap(): ObjectHeap {
    return this.host.heap;
  }

  /** `import ctypes`: the module, made on first import (ctypes/__init__.py runs then). */
  module(): PyObject {
    this.host.unmodelledAllocation("an import of ctypes");
    if (this.moduleObject) return this.moduleObject;
    const m = this.heap.runtime.builtin("<module 'ctypes'>");
    const attrs = new Map<string, PyObject>();
    for (const t of SIMPLE_TYPES) {
      const typeObject = this.heap.runtime.builtin(`<class 'ctypes.${t.name}'>`);
      this.typeOfObject.set(typeObject, t);
      attrs.set(t.name, typeObject);
      const methods = new Map<string, PyObject>();
      this.host.define(methods, "from_address", ([address], line) => this.fromAddress(t, address, line));
      this.attributeTables.set(typeObject, methods);
    }
    this.host.define(attrs, "sizeof", ([x]) => this.heap.int(BigInt(this.sizeof(x))));
    this.attributeTables.set(m, attrs);
    this.moduleObject = m;
    return m;
  }

  /** How the program names `o` ("ctypes", "ctypes.c_int"), or undefined when it is not ctypes'. */
  nameOf(o: PyObject): string | undefined {
    if (o === this.moduleObject) return "ctypes";
    const t = this.typeOfObject.get(o);
    return t && `ctypes.${t.name}`;
  }

  /** Whether `o` is a ctypes type (calling it makes an instance). */
  isType(o: PyObject): boolean {
    return this.typeOfObject.has(o);
  }

  /** T(v): an instance holding its own value (0 when none is given). */
  construct(typeObject: PyObject, args: readonly PyObject[], line: number): PyObject {
    const t = this.typeOfObject.get(typeObject) as SimpleType;
    const [v] = args;
    if (args.length > 1) throw new PyException("TypeError", "function takes at most 1 argument");
    if (v && v.kind !== "int" && !(v.kind === "none" && t.name === "c_void_p"))
      throw new UnsupportedError(line, `${t.name}() of a ${v.kind}`);
    if (v && (ADDRESSES.has(v) || COUNTS_KNOWN_FROM_BELOW.has(v)))
      throw new UnsupportedError(line, `${t.name}() of an id() or of a count`);
    const own = v?.kind === "int" ? this.wrap(t, v.value as bigint) : 0n;
    return this.instance({ type: t, own });
  }

  /** o.name for an instance; undefined when `o` is not one. */
  attribute(o: PyObject, name: string, line: number): PyObject | undefined {
    const cdata = this.instances.get(o);
    if (!cdata) return undefined;
    if (name !== "value") throw new UnsupportedError(line, `the attribute '${name}' of a ctypes object`);
    if ("own" in cdata) {
      if (cdata.type.name === "c_void_p" && cdata.own === 0n) return this.heap.incref(this.heap.runtime.none);
      return this.heap.int(cdata.own);
    }
    return this.read(cdata, line);
  }

  private sizeof(x: PyObject | undefined): number {
    const t = x ? (this.typeOfObject.get(x) ?? this.instances.get(x)?.type) : undefined;
    if (!t) throw new PyException("TypeError", "this type has no size");
    return this.bytes(t);
  }

  private bytes(t: SimpleType): number {
    return t.size === "pointer" ? this.heap.profile.pointerSize : t.size;
  }

  /** A value cut to the type's width, as storing it in C does. */
  private wrap(t: SimpleType, v: bigint): bigint {
    const bits = BigInt(this.bytes(t) * 8);
    return t.signed ? BigInt.asIntN(Number(bits), v) : BigInt.asUintN(Number(bits), v);
  }

  private fromAddress(t: SimpleType, address: PyObject | undefined, line: number): PyObject {
    const known = address ? ADDRESSES.get(address) : undefined;
    if (!known)
      throw new UnsupportedError(line, `${t.name}.from_address() of anything but an address from id()`);
    return this.instance({ type: t, at: known.base, offset: known.offset });
  }

  private instance(cdata: CData): PyObject {
    this.host.unmodelledAllocation(`a ctypes.${cdata.type.name} object`);
    const o = this.heap.runtime.builtin(`<ctypes.${cdata.type.name} object>`);
    this.instances.set(o, cdata);
    return this.heap.incref(o); // a new reference; the runtime's own keeps it from being freed
  }

  /**
   * The value at an object's address: its ob_refcnt, through a type as wide as the field, or 4 bytes
   * wide (the count's low half on a little-endian 64-bit build: all of it below 2^32, and 3.14's
   * whole 32-bit count). A count the model knows only from below stays so.
   */
  private read(cdata: CData & { at: PyObject; offset: number }, line: number): PyObject {
    const { type: t, at, offset } = cdata;
    const width = this.bytes(t);
    if (offset !== 0 || (width !== 4 && width !== this.heap.profile.pointerSize))
      throw new UnsupportedError(line, `reading ${width} bytes at ${offset} bytes into an object`);
    if (at.lifetime === "heap" && at.refcnt <= 0)
      throw new UnsupportedError(line, "reading the memory of an object that has been freed");
    const { immortalValue, staticImmortalValue } = this.heap.profile.refcounts;
    let count = BigInt(at.refcnt);
    if (at.lifetime === "immortal")
      count = BigInt(
        (this.heap.runtime.isStaticallyAllocated(at) ? staticImmortalValue : immortalValue) as number,
      );
    const value = this.wrap(t, count);
    if (at.lifetime === "immortal" || at.lifetime === "heap") return this.heap.int(value);
    if (value !== count) throw new NotModelledError("the low bytes of a count known only from below");
    const r = this.heap.runtime.opaque("int", value);
    COUNTS_KNOWN_FROM_BELOW.set(r, at);
    return r;
  }
}
