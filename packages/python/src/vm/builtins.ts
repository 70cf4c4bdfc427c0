/*
 * The builtins and the modules (sys, gc, weakref) a program may use, and the methods of builtin
 * types it may call. Each one takes its arguments borrowed from the caller's stack, as a C function
 * does, and returns a new reference. Builtin functions, types and modules are runtime objects: their
 * memory is not modelled, and their counts cannot be read (getrefcount refuses them).
 */
import {
  allocatedBlocks,
  type Collector,
  debugMallocStats,
  getsizeof,
  listSize,
  mapSize,
  methodWrapperSize,
  NotModelledError,
  type ObjectHeap,
  type PyObject,
  rangeSize,
} from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import { isBuiltinName } from "./builtin-names.js";
import { Ctypes } from "./ctypes.js";
import { PyException } from "./exceptions.js";
import { formatString, returnedAsIs } from "./format.js";
import type { Iterators } from "./iterators.js";
import { ReprEffects } from "./repr-effects.js";
import type { VersionRules } from "./rules.js";
import {
  ADDRESSES,
  BLOCK_COUNT_EPOCHS,
  binary,
  COUNTS_KNOWN_FROM_BELOW,
  GC_COUNTS_UNKNOWN,
  refuseUnknownCount,
  reprOf,
  str,
  truthy,
  typeName,
  UNPLACED_MEMORY,
  type UnmodelledCause,
} from "./values.js";

/** What the builtins need from the interpreter (an interface, so that neither imports the other). */
export interface BuiltinHost {
  readonly heap: ObjectHeap;
  readonly rules: VersionRules;
  readonly collector: Collector;
  err: string;
  readonly printFunction: boolean;
  /** sys.platform: "linux", or "emscripten" for Pyodide */
  readonly platform: string;
  /** the running frame (its line names where an unmodelled allocation happened) */
  readonly frame: { readonly line: number };
  write(text: string): void;
  baseOf(cls: PyObject): PyObject | undefined;
  /** PyObject_GetIter (a new reference), the iterator's next item (a new reference), length hints */
  iterOf(o: PyObject, line: number): PyObject;
  next(it: PyObject): PyObject | undefined;
  lengthHint(o: PyObject, dflt: number): number;
  readonly iterators: Iterators;
  /** a call made from C code with borrowed arguments (calls.ts, callFromC) */
  callFromC(callee: PyObject, args: readonly PyObject[], line: number, tupled?: boolean): PyObject;
}

export type Builtin = (
  args: readonly PyObject[],
  keywords: ReadonlyMap<string, PyObject>,
  line: number,
) => PyObject;

/** len(range(start, stop, step)): compute_range_length. */
function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
  return start > stop ? (start - stop - step - 1n) / -step : 0n;
}

/** sys functions 3.x added that 2.7's sys lacks (sys.intern: 3.0; _debugmallocstats: 3.3; getallocatedblocks: 3.4). */
const NOT_IN_SYS_27 = ["intern", "getallocatedblocks", "_debugmallocstats"];

const TYPE_KINDS = [
  "int",
  "float",
  "str",
  "bytes",
  "list",
  "tuple",
  "dict",
  "bool",
  "object",
  "type",
  "range",
  "complex",
  "map", // 3.x: a type; 2.7's map is a function that builds a list
  "set",
] as const;

/** The slot methods a builtin object lends as a method-wrapper (x.__mul__), and the operator each is. */
const SLOT_WRAPPERS: Readonly<Record<string, "*" | "+">> = { __mul__: "*", __add__: "+" };

export class Builtins {
  private readonly names = new Map<string, PyObject>();
  private readonly impls = new Map<PyObject, Builtin>();
  private readonly modules = new Map<string, PyObject>();
  private readonly moduleAttributes = new Map<PyObject, Map<string, PyObject>>();
  private readonly types = new Map<string, PyObject>();
  private readonly kindsByType = new Map<PyObject, string>();
  private garbageList: PyObject | undefined;
  /** modules imported so far (sys is there from start-up) */
  private readonly imported = new Set<string>(["sys"]);
  /**
   * The allocations CPython made that the model did not (a module's first import, a class, a ctypes
   * object, a print…), each with where it was: block counts taken on either side of one are not
   * compared, and a refusal names the first one between them.
   */
  private readonly unmodelledCauses: UnmodelledCause[] = [];
  private readonly ctypes: Ctypes;

  constructor(private readonly vm: BuiltinHost) {
    const py2 = vm.rules.python2;
    this.reprEffects = new ReprEffects({
      heap: vm.heap,
      listOfKeys: (set) => this.listOf(set, vm.frame.line, vm.heap.list([])),
      unmodelled: (cause) => this.unmodelledAllocation("anything", cause),
    });
    this.ctypes = new Ctypes(
      {
        heap: vm.heap,
        unmodelledAllocation: (what) => this.unmodelledAllocation("anything", what),
        define: (table, name, impl) => this.define(table, name, (a, _k, line) => impl(a, line)),
      },
      this.moduleAttributes,
    );
    GC_COUNTS_UNKNOWN.add(this.heap); // what start-up counted
    for (const kind of TYPE_KINDS) {
      if (py2 && kind === "map") continue;
      const t = this.heap.runtime.builtin(py2 ? `<type '${kind}'>` : `<class '${kind}'>`);
      this.types.set(kind, t);
      this.names.set(kind, t);
    }
    if (py2) {
      this.names.set("long", this.types.get("int") as PyObject);
      this.names.set("bytes", this.types.get("str") as PyObject);
    }
    for (const [kind, t] of this.types) this.kindsByType.set(t, kind);
    this.define(this.names, "print", (a, k, line) => this.print(a, k, line));
    this.define(this.names, "id", ([x]) => this.id(this.one(x, "id")));
    this.define(this.names, "len", ([x]) => this.heap.int(BigInt(this.len(this.one(x, "len")))));
    this.define(this.names, "repr", ([x]) => {
      const o = this.one(x, "repr");
      this.shown(o);
      return this.text(reprOf(o, this.heap), o);
    });
    this.define(this.names, "hex", ([x]) => this.hex(this.one(x, "hex")));
    this.define(this.names, "isinstance", ([x, t]) =>
      this.bool(this.isInstance(this.one(x, "isinstance"), t)),
    );
    // 2.7's range is a function that builds a list
    if (py2) this.define(this.names, "range", (a, _k, line) => this.range(a, line));
    this.define(this.names, "getattr", (a, _k, line) => this.getattr(a, line));
    this.define(this.names, "hasattr", ([o, name], _k, line) => {
      if (!o || !name) throw new PyException("TypeError", "hasattr expected 2 arguments");
      try {
        this.heap.decref(this.getattr([o, name], line));
        return this.bool(true);
      } catch (e) {
        if (e instanceof PyException && e.type === "AttributeError") return this.bool(false);
        throw e;
      }
    });
    if (py2) this.define(this.names, "intern", ([x]) => this.intern(x));
    this.define(this.names, "chr", ([x]) => this.chr(this.one(x, "chr"), py2));
    if (py2) {
      this.define(this.names, "unichr", ([x]) =>
        this.heap.unicode(this.codePoint(this.one(x, "unichr"), 0x10ffff)),
      );
      this.define(this.names, "map", (a, _k, line) => this.map27(a, line));
    }
    // __main__'s __builtins__ is the builtins module, whose attributes are these names
    const builtinsModule = this.heap.runtime.builtin(
      `<module '${py2 ? "__builtin__" : "builtins"}' (built-in)>`,
    );
    this.names.set("__builtins__", builtinsModule);
    this.moduleAttributes.set(builtinsModule, this.names);
    this.moduleWith("sys", {
      getrefcount: ([x]) => this.getrefcount(this.one(x, "getrefcount")),
      getsizeof: ([x]) => {
        const o = this.one(x, "getsizeof");
        // _PySys_GetSizeOf calls o.__sizeof__, bound (2.7's classic instances are sized directly): a
        // builtin method object, kept on its free list on 2.7 – 3.8 and 3.14+
        const classic = o.kind === "instance" && o.cls?.classSpec?.classic === true;
        const bound = classic ? undefined : this.heap.builtinMethod();
        try {
          return this.heap.int(BigInt(this.getsizeof(o)));
        } finally {
          if (bound) this.heap.decref(bound);
        }
      },
      ...(py2
        ? {}
        : {
            getallocatedblocks: () => this.allocatedBlocks(),
            _debugmallocstats: () => {
              this.vm.err += debugMallocStats(this.heap.pm);
              return this.none();
            },
            intern: ([x]: readonly PyObject[]) => this.intern(x),
          }),
    });
    const sysAttributes = this.moduleAttributes.get(this.modules.get("sys") as PyObject) as Map<
      string,
      PyObject
    >;
    sysAttributes.set("platform", this.heap.runtime.identifier(vm.platform));
    // x86-64 and wasm32 alike
    sysAttributes.set("byteorder", this.heap.runtime.identifier("little"));
    this.moduleWith("gc", {
      collect: ([g]) => {
        const generation = g ? Number(g.value as bigint) : 2;
        const found = this.vm.collector.collect(generation);
        if (generation === 2) GC_COUNTS_UNKNOWN.delete(this.heap);
        return this.heap.int(BigInt(found));
      },
      get_count: (_a, _k, line) => {
        // Start-up leaves counts the model does not know; a full collection sets them all to 0, and
        // formatting or printing since then makes containers the model does not. 2.7's collection
        // keeps the list and dict free lists start-up filled, and reusing them counts nothing.
        if (py2)
          throw new UnsupportedError(line, "gc.get_count() on 2.7 (start-up's list and dict free lists)");
        if (this.heap.profile.collector.incremental)
          throw new UnsupportedError(
            line,
            "gc.get_count() under the incremental collector (3.14.0 – 3.14.4)",
          );
        if (GC_COUNTS_UNKNOWN.has(this.heap))
          throw new UnsupportedError(
            line,
            `gc.get_count() before a full gc.collect(), or after printing, formatting or ${UNPLACED_MEMORY} since then`,
          );
        return this.intTuple(this.vm.collector.count);
      },
      disable: () => {
        this.vm.collector.enabled = false;
        return this.none();
      },
      enable: () => {
        this.vm.collector.enabled = true;
        return this.none();
      },
      isenabled: () => this.bool(this.vm.collector.enabled),
      get_threshold: () => this.intTuple(this.vm.collector.thresholds),
    });
    this.moduleWith("weakref", {
      ref: ([target, callback]) => {
        const t = this.one(target, "ref");
        if (!this.heap.weak.supports(t))
          throw new PyException("TypeError", `cannot create weak reference to '${typeName(t, py2)}' object`);
        return this.heap.weak.create(t, callback);
      },
      getweakrefcount: ([x]) => this.heap.int(BigInt(this.heap.weak.count(this.one(x, "getweakrefcount")))),
    });
  }

  private get heap() {
    return this.vm.heap;
  }

  /** A builtin name (print, len, int, ...), or undefined. */
  lookup(name: string): PyObject | undefined {
    return this.names.get(name);
  }

  /** Is `o` one of the modules (builtins, sys, gc, weakref)? Their objects are of kind "builtin". */
  isModule(o: PyObject): boolean {
    return this.moduleAttributes.has(o);
  }

  /**
   * `import name`. A module's first import allocates (its module object and dict, its functions; a
   * module written in Python runs its code), which the model does not do: an unmodelled allocation.
   */
  module(name: string, line: number): PyObject {
    if (name === "ctypes") return this.ctypes.module();
    const m = this.modules.get(name);
    if (!m) throw new UnsupportedError(line, `'import ${name}'`);
    if (!this.imported.has(name)) {
      this.imported.add(name);
      this.unmodelledAllocation("anything", `the first import of ${name}`);
    }
    return m;
  }

  /** The name of the builtin type `o` is ("str", "int", ...), or undefined when it is none. */
  typeKindOf(o: PyObject): string | undefined {
    return this.kindsByType.get(o);
  }

  /** The implementation of a builtin function object; types are called as their constructor. */
  function(o: PyObject, line: number): Builtin {
    const f = this.impls.get(o);
    if (f) return f;
    if (o.kind === "method-wrapper") return (args) => this.callSlot(o, args, line);
    if (this.ctypes.isType(o)) return (args, _k, callLine) => this.ctypes.construct(o, args, callLine);
    const kind = this.kindsByType.get(o);
    if (kind) return this.constructorOf(kind, line);
    throw new PyException("TypeError", `'${o.value}' object is not callable`);
  }

  /**
   * x.name for builtin objects (a new reference): module functions, gc.garbage, a type's __name__,
   * a slot method bound to a builtin object (b"x".__mul__).
   */
  attribute(o: PyObject, name: string, line: number): PyObject {
    if (SLOT_WRAPPERS[name] && ["str", "bytes", "int", "float", "list", "tuple"].includes(o.kind))
      return this.methodWrapper(o, name);
    return this.ctypes.attribute(o, name, line) ?? this.heap.incref(this.borrowedAttribute(o, name, line));
  }

  /** Whether calling `callee` with positional arguments passes them in a tuple (tp_call). */
  takesArgumentTuple(callee: PyObject): boolean {
    if (callee.kind === "method-wrapper") return true; // wrapper_call, in every version
    const kind = this.kindsByType.get(callee);
    if (kind !== undefined) return this.vm.rules.typesCalledWithArgumentTuple.has(kind);
    return this.vm.rules.builtinsCalledWithArgumentTuple.has(this.qualifiedNames.get(callee) ?? "");
  }

  /** Whether calling method `name` of a builtin type's `self` with positional arguments passes them in a tuple. */
  methodTakesArgumentTuple(self: PyObject, name: string): boolean {
    return this.vm.rules.builtinsCalledWithArgumentTuple.has(
      `${typeName(self, this.vm.rules.python2)}.${name}`,
    );
  }

  /** wrapperobject: the slot method `name` bound to `self` (method_get of a wrapper descriptor). */
  private methodWrapper(self: PyObject, name: string): PyObject {
    const w = this.heap.allocateObject("method-wrapper", methodWrapperSize(this.heap.profile), true);
    w.items = [this.heap.incref(self)];
    w.functionName = name;
    this.heap.track(w);
    return w;
  }

  /** wrapper_call: the slot with self and the one argument (a tuple holds the arguments meanwhile). */
  private callSlot(w: PyObject, args: readonly PyObject[], line: number): PyObject {
    const self = w.items[0] as PyObject;
    const [other] = args;
    if (args.length !== 1 || !other)
      throw new PyException("TypeError", `expected 1 argument, got ${args.length}`);
    const op = SLOT_WRAPPERS[w.functionName] as "*" | "+";
    const numbers = (o: PyObject) => o.kind === "int" || o.kind === "float" || o.kind === "bool";
    if (numbers(self) && (!numbers(other) || other.kind !== self.kind))
      throw new UnsupportedError(
        line,
        `${typeName(self, this.vm.rules.python2)}.${w.functionName} of another type`,
      );
    const r = binary(this.heap, op, self, other, this.vm.rules.python2);
    if (!r) throw new UnsupportedError(line, `${typeName(self, this.vm.rules.python2)}.${w.functionName}()`);
    return r;
  }

  private borrowedAttribute(o: PyObject, name: string, line: number): PyObject {
    const attrs = this.moduleAttributes.get(o);
    if (attrs) {
      if (o === this.modules.get("gc") && name === "garbage") return this.garbage();
      const a = attrs.get(name);
      if (a) return a;
      if (attrs === this.names) {
        const py2 = this.vm.rules.python2;
        if (isBuiltinName(name, py2)) throw new UnsupportedError(line, `the builtin '${name}'`);
        throw new PyException(
          "AttributeError",
          py2 ? `'module' object has no attribute '${name}'` : `module 'builtins' has no attribute '${name}'`,
        );
      }
      const module = this.moduleName(o);
      if (this.vm.rules.python2 && module === "sys" && NOT_IN_SYS_27.includes(name))
        throw new PyException("AttributeError", `'module' object has no attribute '${name}'`);
      throw new UnsupportedError(line, `${module}.${name}`);
    }
    if (name === "__name__") {
      for (const [kind, t] of this.types) if (t === o) return this.heap.runtime.identifier(kind);
    }
    throw new UnsupportedError(line, `the attribute '${name}' of a ${typeName(o, this.vm.rules.python2)}`);
  }

  /** id(x): the model's address of x, which is compared and never shown (values.ts, Address). */
  private id(x: PyObject): PyObject {
    const address = this.heap.int(BigInt(x.address));
    ADDRESSES.set(address, { of: x, base: x, offset: 0, causes: this.heap });
    return address;
  }

  /**
   * An allocation (or a free) CPython makes or may make that the model does not: ids and block
   * counts taken on either side of it are not compared, and the collector's counts are unknown
   * until the next full collection. `reach`: could it have used the type free lists ("anything":
   * an import, a ctypes object) or only the allocators ("pymalloc": a frame, a free-list guess)?
   * `blocks`: by how many pymalloc blocks in use CPython may differ from the model since (a frame or
   * one free-list slot: 1); undefined when that is not bounded.
   */
  unmodelledAllocation(reach: "anything" | "pymalloc", cause: string, blocks?: number): void {
    this.unmodelledCauses.push({ text: `${cause} (line ${this.vm.frame.line})`, blocks });
    if (reach === "anything") this.heap.freeListsUnknown(cause);
    else this.heap.placementUnknown(cause);
    GC_COUNTS_UNKNOWN.add(this.heap);
  }

  /**
   * Whether `o` is gc.garbage, whose items the collector owns: the model refuses to change it from the
   * program (it mirrors the collector's list on each access).
   */
  isGarbageList(o: PyObject): boolean {
    return o === this.garbageList;
  }

  /** x.method(args) on a builtin type's object; undefined when the model has no such method. */
  method(self: PyObject, name: string): Builtin | undefined {
    if (self === this.garbageList)
      return (_a, _k, line) => {
        throw new UnsupportedError(line, `gc.garbage.${name}()`);
      };
    if (self.kind === "list" && name === "append")
      return ([x]) => {
        this.heap.append(self, this.heap.incref(this.one(x, "append")));
        return this.none();
      };
    if (self.kind === "list" && name === "pop")
      return ([x], _kw, line) => {
        if (x && x.kind !== "int")
          throw new UnsupportedError(line, `list.pop() of a ${typeName(x, false)} index`);
        const n = self.items.length;
        if (n === 0) throw new PyException("IndexError", "pop from empty list");
        const given = x ? Number(x.value as bigint) : -1;
        const i = given < 0 ? given + n : given;
        if (i < 0 || i >= n) throw new PyException("IndexError", "pop index out of range");
        return this.heap.pop(self, i);
      };
    if (self.kind === "set") {
      const setMethod = this.setMethod(self, name);
      if (setMethod) return setMethod;
    }
    if (self.kind === "dict" && name === "clear")
      return () => {
        this.heap.dicts.clear(self);
        return this.none();
      };
    if (self.kind === "list" && name === "clear" && !this.vm.rules.python2)
      return () => {
        this.heap.clearReferences(self);
        return this.none();
      };
    if (self.kind === "str" && name === "join")
      return ([x]) => {
        const seq = this.one(x, "join");
        if (seq.kind !== "list" && seq.kind !== "tuple")
          throw new NotModelledError("join of anything but a list or tuple");
        // one str item is the result itself (PyUnicode_Join; 2.7's string_join)
        if (seq.items.length === 1 && seq.items[0]?.kind === "str") return this.heap.incref(seq.items[0]);
        const parts = seq.items.map((i) => {
          if (i.kind !== "str") throw new PyException("TypeError", "sequence item: expected str instance");
          return i.value as string;
        });
        return this.heap.str(parts.join(self.value as string));
      };
    if (self.kind === "str" && name === "format")
      return (args, kw, line) => {
        if (kw.size > 0) throw new UnsupportedError(line, "str.format with keyword arguments");
        const [only] = args;
        if (args.length === 1 && only && returnedAsIs(self.value as string, only, this.vm.rules.python2))
          return this.heap.incref(only);
        const text = formatString(self.value as string, args, this.heap, line, {
          formatted: (o, spec) => this.formatted(o, spec, true),
          shown: this.shown,
        });
        // 2.7's formatter builds its own str, never a cached one-character one
        return this.vm.rules.python2 ? this.heap.newStr(text) : this.heap.str(text);
      };
    return undefined;
  }

  typeOf(o: PyObject): PyObject {
    if (o.kind === "instance" && o.cls?.classSpec?.classic)
      throw new NotModelledError("type() of a classic instance");
    if (o.kind === "instance") return o.cls as PyObject;
    const t = this.types.get(o.kind);
    if (!t) throw new NotModelledError(`type() of a ${o.kind}`);
    return t;
  }

  // ---------------------------------------------------------------- helpers

  private define(table: Map<string, PyObject>, name: string, impl: Builtin, qualified = name): PyObject {
    const o = this.heap.runtime.builtin(`<built-in function ${name}>`);
    table.set(name, o);
    this.impls.set(o, impl);
    this.qualifiedNames.set(o, qualified);
    return o;
  }

  /** each builtin function's name with its module's ("print", "sys.getsizeof") */
  private readonly qualifiedNames = new Map<PyObject, string>();

  /** What showing `o` allocates besides its text (repr-effects.ts): call before making the text. */
  readonly shown = (o: PyObject): void => this.reprEffects.show(o);

  private readonly reprEffects: ReprEffects;

  /**
   * A value formatted by str.format (`byRenderField`: its render_field formats an exact str, int,
   * float or complex itself) or an f-string: where PyObject_Format binds __format__ (rules.ts,
   * formatBoundMethod), a builtin method object is made and dropped.
   */
  readonly formatted = (o: PyObject, spec: string, byRenderField = false): void => {
    const exact = ["str", "int", ...(byRenderField ? ["float", "complex"] : [])].includes(o.kind);
    if (byRenderField ? exact : !this.vm.rules.python2 && spec === "" && exact) return;
    if (this.vm.rules.formatBoundMethod === "unmodelled") {
      this.unmodelledCauses.push({ text: `formatting through __format__ (line ${this.vm.frame.line})` });
      this.shown(o);
      return;
    }
    // the bound __format__ lives while object.__format__ shows the value
    const bound = this.heap.builtinMethod();
    this.shown(o);
    this.heap.decref(bound);
  };

  /**
   * str(x) or repr(x) as a str object: 3.x writes an int's digits into a str of its own
   * (long_to_decimal_string), so str(5) is not the cached "5" (native 3.6 – 3.13); the rest go
   * through the caches (2.7's str(5) is its characters[] entry).
   */
  text(s: string, of: PyObject | undefined): PyObject {
    return of?.kind === "int" && !this.vm.rules.python2 ? this.heap.newStr(s) : this.heap.str(s);
  }

  /** A builtin function's name with its module's, or undefined for anything else. */
  qualifiedName(o: PyObject): string | undefined {
    return this.qualifiedNames.get(o);
  }

  private moduleWith(name: string, functions: Readonly<Record<string, Builtin>>): void {
    const m = this.heap.runtime.builtin(`<module '${name}' (built-in)>`);
    const attrs = new Map<string, PyObject>();
    for (const [f, impl] of Object.entries(functions)) this.define(attrs, f, impl, `${name}.${f}`);
    this.modules.set(name, m);
    this.moduleAttributes.set(m, attrs);
  }

  private moduleName(m: PyObject): string {
    for (const [n, o] of this.modules) if (o === m) return n;
    if (this.moduleAttributes.get(m) === this.names)
      return this.vm.rules.python2 ? "__builtin__" : "builtins";
    return this.ctypes.nameOf(m) ?? "?";
  }

  private one(x: PyObject | undefined, f: string): PyObject {
    if (!x) throw new PyException("TypeError", `${f}() takes exactly one argument (0 given)`);
    return x;
  }

  private none(): PyObject {
    return this.heap.incref(this.heap.runtime.none);
  }

  private bool(b: boolean): PyObject {
    return this.heap.incref(b ? this.heap.runtime.true : this.heap.runtime.false);
  }

  private intTuple(values: readonly number[]): PyObject {
    return this.heap.tuple(values.map((v) => this.heap.int(BigInt(v))));
  }

  /** gc.garbage: a list the runtime holds, whose items are the collector's uncollectable objects. */
  private garbage(): PyObject {
    if (!this.garbageList) {
      this.garbageList = this.heap.list([]);
      this.garbageList.lifetime = "runtime-held";
    }
    this.garbageList.items = [...this.vm.collector.garbage];
    return this.garbageList;
  }

  private print(args: readonly PyObject[], kw: ReadonlyMap<string, PyObject>, line: number): PyObject {
    GC_COUNTS_UNKNOWN.add(this.heap);
    // sys.stdout keeps what it was given until it flushes (TextIOWrapper's pending_bytes: a pipe's
    // is flushed at 8 KiB): blocks the model does not count. Measured with stdout a pipe, a print
    // in a loop leaves one block more after its first run on 3.12.1, one more per run on 3.8.18.
    // 3.x keep the text in a list (_io_TextIOWrapper_write_impl), which may come from the list free
    // list, and hold the printed str objects: blocks the model frees stay taken. 2.7 writes to the
    // C stdio buffer; its temporaries are freed at once, which leaves pymalloc's pools as they were.
    if (this.vm.rules.python2) this.unmodelledCauses.push({ text: `a print (line ${line})` });
    else this.unmodelledAllocation("anything", "a print");
    if (!this.vm.printFunction) {
      // 2.7 without the __future__ import: the print statement, here of a parenthesized value;
      // print(a, b) prints the tuple (a, b), built for it
      if (kw.size > 0)
        throw new UnsupportedError(
          line,
          "print(..., key=...) on 2.7 without 'from __future__ import print_function'",
        );
      if (args.length === 1) {
        this.shown(args[0] as PyObject);
        this.vm.write(`${str(args[0] as PyObject, this.heap)}\n`);
      } else {
        const tuple =
          args.length === 0
            ? this.heap.incref(this.heap.runtime.emptyTuple)
            : this.heap.tuple(args.map((a) => this.heap.incref(a)));
        this.shown(tuple);
        this.vm.write(`${reprOf(tuple, this.heap)}\n`);
        this.heap.decref(tuple);
      }
      return this.none();
    }
    for (const k of kw.keys())
      if (k !== "sep" && k !== "end") throw new UnsupportedError(line, `print(${k}=...)`);
    const text = (k: string, dflt: string) => {
      const v = kw.get(k);
      return v === undefined || v.kind === "none" ? dflt : str(v, this.heap);
    };
    for (const a of args) this.shown(a);
    this.vm.write(args.map((a) => str(a, this.heap)).join(text("sep", " ")) + text("end", "\n"));
    return this.none();
  }

  /** s.add, s.discard, s.remove, s.clear; undefined for the methods the model does not have. */
  private setMethod(self: PyObject, name: string): Builtin | undefined {
    const sets = this.heap.sets;
    switch (name) {
      case "add":
        return ([x], _kw, line) => {
          const key = this.one(x, "add");
          this.refuseUnhashable(key, line);
          sets.add(self, key);
          return this.none();
        };
      case "discard":
      case "remove":
        return ([x], _kw, line) => {
          const key = this.one(x, name);
          this.refuseUnhashable(key, line);
          // set_remove raises KeyError(key): the traceback's last line is its repr
          if (!sets.discard(self, key) && name === "remove")
            throw new PyException("KeyError", reprOf(key, this.heap));
          return this.none();
        };
      case "clear":
        return () => {
          sets.clear(self);
          return this.none();
        };
      default:
        return undefined;
    }
  }

  /**
   * TypeError for a key no set can hold (a list, dict or set: no __hash__); a tuple, whose hash
   * and equality are its items', is refused.
   */
  refuseUnhashable(key: PyObject, line: number): void {
    if (key.kind === "list" || key.kind === "dict" || key.kind === "set")
      throw new PyException("TypeError", `unhashable type: '${typeName(key, this.vm.rules.python2)}'`);
    // a tuple's hash and equality are its items': not modelled for set keys
    if (key.kind === "tuple") throw new UnsupportedError(line, "a tuple as a set item");
  }

  /**
   * set() and set(iterable): make_new_set, then set_update_internal: a set's keys by set_merge,
   * anything else walked by its iterator, one add per item. (3.x's dict fast path is not modelled.)
   */
  private setOf(x: PyObject | undefined, line: number): PyObject {
    const sets = this.heap.sets;
    const set = sets.create();
    if (!x) return set;
    try {
      if (x.kind === "set" || x.kind === "frozenset") {
        sets.merge(set, x);
        return set;
      }
      if (x.kind === "dict") throw new UnsupportedError(line, "set() of a dict");
      const it = this.vm.iterOf(x, line);
      try {
        for (let item = this.vm.next(it); item; item = this.vm.next(it)) {
          try {
            this.refuseUnhashable(item, line);
            sets.add(set, item);
          } finally {
            this.heap.decref(item);
          }
        }
      } finally {
        this.heap.decref(it);
      }
      return set;
    } catch (e) {
      this.heap.decref(set);
      throw e;
    }
  }

  private len(x: PyObject): number {
    switch (x.kind) {
      case "str":
        return [...(x.value as string)].length;
      case "bytes":
        return (x.value as string).length;
      case "unicode":
        return [...(x.value as string)].length;
      case "list":
      case "tuple":
        return x.items.length;
      case "dict":
        return x.dictKeys.length;
      case "set":
      case "frozenset":
        return this.heap.sets.len(x);
      case "range":
        return Number(x.items[3]?.value as bigint);
      default:
        throw new PyException(
          "TypeError",
          `object of type '${typeName(x, this.vm.rules.python2)}' has no len()`,
        );
    }
  }

  private hex(x: PyObject): PyObject {
    refuseUnknownCount(x);
    if (x.kind !== "int" && x.kind !== "bool") throw new NotModelledError(`hex() of a ${x.kind}`);
    const v = x.value as bigint;
    return this.heap.str(`${v < 0n ? "-" : ""}0x${(v < 0n ? -v : v).toString(16)}`);
  }

  private isInstance(x: PyObject, t: PyObject | undefined): boolean {
    if (!t) throw new PyException("TypeError", "isinstance expected 2 arguments, got 1");
    if (t.kind === "tuple") return t.items.some((i) => this.isInstance(x, i));
    if (t.kind === "class") {
      for (let c: PyObject | undefined = x.kind === "instance" ? x.cls : undefined; c; c = this.vm.baseOf(c))
        if (c === t) return true;
      return false;
    }
    if (t === this.types.get("object")) return true;
    if (t === this.types.get("type"))
      return (x.kind === "class" && !x.classSpec?.classic) || [...this.types.values()].includes(x);
    if (t === this.types.get("int") && x.kind === "bool") return true;
    return this.typeOf(x) === t;
  }

  private range(args: readonly PyObject[], line: number): PyObject {
    const ints = args.map((a) => {
      if (a.kind !== "int")
        throw new UnsupportedError(line, `range() of a ${typeName(a, this.vm.rules.python2)}`);
      return a.value as bigint;
    });
    if (ints.length < 1 || ints.length > 3)
      throw new PyException("TypeError", `range expected at most 3 arguments, got ${ints.length}`);
    const [start, stop, step] =
      ints.length === 1 ? [0n, ints[0] as bigint, 1n] : [ints[0] ?? 0n, ints[1] ?? 0n, ints[2] ?? 1n];
    if (step === 0n) throw new PyException("ValueError", "range() arg 3 must not be zero");
    const n = rangeLength(start, stop, step);
    if (this.vm.rules.python2) {
      // 2.7's range() builds the whole list (PyList_New(n), then one int per item)
      if (n > 10_000_000n) throw new UnsupportedError(line, "range() of more than 10,000,000 items on 2.7");
      const items: PyObject[] = [];
      for (let k = 0n; k < n; k++) items.push(this.heap.int(start + k * step));
      return this.heap.list(items);
    }
    // range_new / range_vectorcall: the arguments as given (PyNumber_Index of an int is the int),
    // the defaults 0 and 1, then the length (compute_range_length), then the object
    const heap = this.heap;
    const [startObject, stopObject, stepObject] =
      args.length === 1
        ? [heap.int(0n), heap.incref(args[0] as PyObject), heap.int(1n)]
        : [
            heap.incref(args[0] as PyObject),
            heap.incref(args[1] as PyObject),
            args[2] ? heap.incref(args[2]) : heap.int(1n),
          ];
    const length = heap.int(n);
    const r = heap.allocateKept("range", "range", rangeSize(heap.profile), false);
    r.items = [startObject, stopObject, stepObject, length];
    return r;
  }

  /** An int argument as a code point up to `max`, as chr() and unichr() take it. */
  private codePoint(x: PyObject, max: number): string {
    if (x.kind !== "int" && x.kind !== "bool") throw new PyException("TypeError", "an integer is required");
    const i = x.value as bigint;
    if (i < 0n || i > BigInt(max))
      throw new PyException("ValueError", `chr() arg not in range(0x${(max + 1).toString(16)})`);
    return String.fromCodePoint(Number(i));
  }

  /** chr(i): 3.x a one-character str (U+0000 – U+00FF shared); 2.7 a one-byte str (all shared). */
  private chr(x: PyObject, py2: boolean): PyObject {
    if (py2) {
      const s = this.codePoint(x, 0xff);
      return this.heap.str(s);
    }
    return this.heap.str(this.codePoint(x, 0x10ffff));
  }

  /**
   * 2.7's map(func, seq) (builtin_map, one sequence): a malloc'd array of per-sequence state, the
   * sequence's iterator, PyList_New(its length hint), then for each item a one-item tuple made for
   * the call and freed after it, the result stored in the list; the iterator and the array are let
   * go at the end. The last round makes its tuple too before it finds the iterator exhausted.
   */
  private map27(args: readonly PyObject[], line: number): PyObject {
    const heap = this.heap;
    const [func, seq] = args;
    if (args.length !== 2 || !func || !seq)
      throw new UnsupportedError(line, "map() of anything but a function and one sequence on 2.7");
    if (func.kind === "none") throw new UnsupportedError(line, "map(None, ...) on 2.7");
    const state = heap.pm.memMalloc(2 * heap.profile.pointerSize); // sequence: the iterator, a flag
    const it = this.vm.iterOf(seq, line);
    const length = this.vm.lengthHint(seq, 8);
    const result = heap.list([]);
    if (length > 0) heap.preallocateExact(result, length);
    for (;;) {
      const argumentTuple = heap.tupleToFill(1);
      const item = this.vm.next(it);
      if (!item) {
        heap.decref(argumentTuple);
        break;
      }
      argumentTuple.items.push(item);
      const value = this.vm.callFromC(func, [item], line, false);
      heap.decref(argumentTuple);
      if (result.items.length < result.allocated) result.items.push(value);
      else heap.append(result, value);
    }
    if (result.items.length < length) {
      heap.decref(it);
      heap.pm.memFree(state);
      heap.decref(result);
      throw new UnsupportedError(line, "map() that ends before its sequence's length on 2.7");
    }
    heap.decref(it);
    heap.pm.memFree(state);
    return result;
  }

  private getattr(args: readonly PyObject[], line: number): PyObject {
    const [o, name, dflt] = args;
    if (!o || !name || name.kind !== "str")
      throw new PyException("TypeError", "getattr expected at least 2 arguments");
    if (o.kind === "instance" || o.kind === "class")
      throw new UnsupportedError(line, "getattr() of an instance or class");
    try {
      return this.attribute(o, name.value as string, line);
    } catch (e) {
      if (e instanceof PyException && e.type === "AttributeError" && dflt) return this.heap.incref(dflt);
      throw e;
    }
  }

  /**
   * sys.getallocatedblocks(): 0 on a build without pymalloc (_Py_GetAllocatedBlocks), as Pyodide's
   * are. Else the blocks start-up left, which the model does not know, plus the model's: a count
   * known from below, so differences of two are exact while those start-up blocks stay. A full
   * collection empties the free lists start-up filled, so counts from before one are not compared
   * with counts after it. The result is a new int: a real count is far above the small-int cache.
   */
  private allocatedBlocks(): PyObject {
    if (this.vm.platform === "emscripten") return this.heap.int(0n);
    const collections = this.vm.collector.collections[2] as number;
    const unmodelled = this.unmodelledCauses.length;
    const epoch = `${collections} full collections, ${unmodelled} unmodelled allocations`;
    let start = this.blockCountEpochs.get(epoch);
    if (!start) {
      start = this.heap.runtime.builtin(`<blocks start-up left, after ${epoch}>`);
      this.blockCountEpochs.set(epoch, start);
      BLOCK_COUNT_EPOCHS.set(start, { collections, unmodelled, causes: this.unmodelledCauses });
    }
    const count = this.heap.intAboveCache(BigInt(allocatedBlocks(this.heap.pm)));
    COUNTS_KNOWN_FROM_BELOW.set(count, start);
    return count;
  }

  /**
   * What sys.getallocatedblocks counts are relative to, for each number of full collections and
   * unmodelled allocations so far
   */
  private readonly blockCountEpochs = new Map<string, PyObject>();

  private intern(x: PyObject | undefined): PyObject {
    const s = this.one(x, "intern");
    if (s.kind !== "str") throw new PyException("TypeError", "intern() argument must be str");
    return this.heap.intern(this.heap.incref(s));
  }

  /** sys.getrefcount(o): exact for heap and immortal objects, known from below for the rest. */
  private getrefcount(o: PyObject): PyObject {
    const { immortalValue, staticImmortalValue } = this.heap.profile.refcounts;
    if (o.lifetime === "immortal")
      return this.heap.int(
        BigInt((this.heap.runtime.isStaticallyAllocated(o) ? staticImmortalValue : immortalValue) as number),
      );
    if (o.lifetime === "heap") return this.heap.int(BigInt(o.refcnt));
    const count = this.heap.runtime.opaque("int", BigInt(o.refcnt));
    COUNTS_KNOWN_FROM_BELOW.set(count, o);
    return count;
  }

  private getsizeof(o: PyObject): number {
    if (o.kind === "list") return getsizeof(listSize(this.heap.profile, o.allocated));
    if (o.kind === "dict") return this.heap.dicts.sizeOf(o);
    if (o.kind === "set" || o.kind === "frozenset") return this.heap.sets.sizeOf(o);
    if (!o.size)
      throw new NotModelledError(
        `sys.getsizeof of a ${typeName(o, this.vm.rules.python2)} made by the runtime`,
      );
    return getsizeof(o.size);
  }

  /**
   * list(x) (list_new + list___init__; 3.9+ list_vectorcall does the same): a list from fresh memory,
   * then list_extend. 3.8 – 3.12 first size it exactly when x has a length (list_preallocate_exact).
   * A list or tuple is copied at once; 3.13+ copy a dict's keys at once too (list_extend_dict, after
   * list_resize), and preallocate an empty list from the length hint instead. Anything else is walked
   * with an iterator: room made for PyObject_LengthHint(x, 8) items, grown by append past that, cut
   * back to its length at the end. Sizes measured on 3.6 – 3.13 (getsizeof of list(d) for 3, 5 and
   * 9 keys: 88, 104, 136 bytes on 3.12, 120, 120, 152 on 3.13); 3.14+ are taken as 3.13.
   * `into`: an empty list to fill instead (PySequence_List's PyList_New(0)).
   */
  private listOf(x: PyObject | undefined, line: number, into?: PyObject): PyObject {
    const heap = this.heap;
    const list = into ?? heap.listFromType();
    if (!x) return list;
    const [major, minor] = heap.profile.python;
    const v = major * 100 + minor;
    const hasLength = ["list", "tuple", "str", "dict", "range"].includes(x.kind);
    const length = this.vm.lengthHint(x, 0);
    if (v >= 308 && v < 313 && hasLength && length > 0) heap.preallocateExact(list, length);
    if (x.kind === "list" || x.kind === "tuple") {
      heap.extend(
        list,
        x.items.map((i) => heap.incref(i)),
      );
      return list;
    }
    if (x.kind === "dict" && v >= 313) {
      heap.resizeList(list, length);
      list.items.push(...x.dictKeys.map((k) => heap.incref(k)));
      return list;
    }
    const it = this.vm.iterOf(x, line);
    const hint = this.vm.lengthHint(x, 8);
    if (v >= 313 && list.itemsBlock === 0) {
      if (hint > 0) heap.preallocateExact(list, hint);
    } else heap.resizeList(list, hint);
    for (let item = this.vm.next(it); item; item = this.vm.next(it)) {
      if (list.items.length < list.allocated) list.items.push(item);
      else heap.append(list, item);
    }
    if (list.items.length < list.allocated) heap.resizeList(list, list.items.length);
    heap.decref(it);
    return list;
  }

  /**
   * tuple(x) (PySequence_Tuple): x itself if it is a tuple; a list's items copied into a new tuple;
   * anything else walked with an iterator into PyTuple_New(PyObject_LengthHint(x, 10)), grown by
   * _PyTuple_Resize to n + 10 plus a quarter when full and cut to its length at the end.
   */
  private tupleOf(x: PyObject, line: number): PyObject {
    const heap = this.heap;
    if (x.kind === "tuple") return heap.incref(x);
    if (x.kind === "list") return heap.tuple(x.items.map((i) => heap.incref(i)));
    const it = this.vm.iterOf(x, line);
    let n = this.vm.lengthHint(x, 10);
    let result = n > 0 ? heap.tupleToFill(n) : heap.incref(heap.runtime.emptyTuple);
    for (let item = this.vm.next(it); item; item = this.vm.next(it)) {
      if (result.items.length >= n) {
        const grown = n + 10 + ((n + 10) >> 2);
        if (n === 0) {
          // an empty tuple is shared: _PyTuple_Resize makes a new one instead
          heap.decref(result);
          result = heap.tupleToFill(grown);
        } else result = heap.resizeTuple(result, grown);
        n = grown;
      }
      result.items.push(item);
    }
    if (result.items.length < n) {
      const items = result.items.length;
      if (items === 0) {
        heap.decref(result);
        result = heap.incref(heap.runtime.emptyTuple);
      } else result = heap.resizeTuple(result, items);
    }
    heap.decref(it);
    return result;
  }

  private constructorOf(kind: string, line: number): Builtin {
    const py2 = this.vm.rules.python2;
    switch (kind) {
      case "int":
        return ([x, base]) => {
          if (!x) return this.heap.int(0n);
          if (base) throw new UnsupportedError(line, "int() with a base");
          if (x.kind === "int") return this.heap.incref(x);
          if (x.kind === "bool") return this.heap.int(x.value as bigint);
          if (x.kind === "float") {
            if (!Number.isFinite(x.value as number))
              throw new UnsupportedError(line, "int() of an inf or nan");
            return this.heap.int(BigInt(Math.trunc(x.value as number)));
          }
          if (x.kind === "long" || (x.kind === "str" && (x.value as string).includes("_")))
            throw new UnsupportedError(
              line,
              `int() of ${x.kind === "long" ? "a long" : "digits with underscores"}`,
            );
          if (x.kind === "str" && /^\s*[-+]?\d+\s*$/.test(x.value as string))
            return this.heap.int(BigInt((x.value as string).trim()));
          throw new PyException(
            "ValueError",
            `invalid literal for int() with base 10: ${reprOf(x, this.heap)}`,
          );
        };
      case "float":
        return ([x]) => {
          if (!x) return this.heap.float(0);
          if (x.kind === "float") return this.heap.incref(x);
          if (x.kind === "int" || x.kind === "bool") {
            const v = Number(x.value as bigint);
            if (!Number.isFinite(v))
              throw new PyException("OverflowError", "int too large to convert to float");
            return this.heap.float(v);
          }
          if (x.kind === "long" || (x.kind === "str" && (x.value as string).includes("_")))
            throw new UnsupportedError(
              line,
              `float() of ${x.kind === "long" ? "a long" : "digits with underscores"}`,
            );
          const text = x.kind === "str" ? (x.value as string).trim() : "";
          if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return this.heap.float(Number(text));
          // inf, infinity and nan in any case, with a sign (float_from_string, _Py_parse_inf_or_nan)
          const special = /^([-+]?)(inf|infinity|nan)$/i.exec(text);
          if (special) {
            const v = special[2]?.toLowerCase() === "nan" ? Number.NaN : Number.POSITIVE_INFINITY;
            return this.heap.float(special[1] === "-" ? -v : v);
          }
          throw new PyException("ValueError", `could not convert string to float: ${reprOf(x, this.heap)}`);
        };
      case "str":
        return ([x]) => {
          if (!x) return this.heap.str("");
          if (x.kind === "str") return this.heap.incref(x);
          this.shown(x);
          return this.text(str(x, this.heap), x);
        };
      case "bytes":
        // 2.7: bytes is str
        if (py2) return this.constructorOf("str", line);
        return ([x], kw) => {
          if (kw.size > 0 || !x) {
            if (kw.size === 0) return this.heap.bytes("");
            throw new UnsupportedError(line, "bytes() with keyword arguments");
          }
          if (x.kind === "bytes") return this.heap.incref(x);
          if (x.kind !== "int" && x.kind !== "bool")
            throw new UnsupportedError(line, `bytes() of a ${typeName(x, py2)}`);
          const n = x.value as bigint;
          if (n < 0n) throw new PyException("ValueError", "negative count");
          if (n > 100_000_000n) throw new UnsupportedError(line, "bytes() of more than 100,000,000 bytes");
          return this.heap.bytesOfSize("\0".repeat(Number(n)));
        };
      case "bool":
        return ([x]) => this.bool(x ? truthy(x) : false);
      case "tuple":
        return ([x]) => (x ? this.tupleOf(x, line) : this.heap.incref(this.heap.runtime.emptyTuple));
      case "list":
        return ([x]) => this.listOf(x, line);
      case "set":
        return ([x], kw) => {
          if (kw.size > 0) throw new UnsupportedError(line, "set() with keyword arguments");
          return this.setOf(x, line);
        };
      case "dict":
        return ([x], kw) => {
          if (kw.size > 0) throw new UnsupportedError(line, "dict() with keyword arguments");
          return this.heap.dicts.call(x);
        };
      case "range":
        return (a) => this.range(a, line);
      case "complex":
        return ([re, im], kw) => {
          if (kw.size > 0) throw new UnsupportedError(line, "complex() with keyword arguments");
          const part = (x: PyObject | undefined) => {
            if (!x) return 0;
            if (x.kind === "float") return x.value as number;
            if (x.kind === "int" || x.kind === "bool") return Number(x.value as bigint);
            throw new UnsupportedError(line, `complex() of a ${typeName(x, py2)}`);
          };
          return this.heap.complex(part(re), part(im));
        };
      case "map":
        return ([func, ...iterables], kw) => {
          if (kw.size > 0) throw new UnsupportedError(line, "map() with keyword arguments");
          if (!func || iterables.length === 0)
            throw new PyException("TypeError", "map() must have at least two arguments.");
          return this.vm.iterators.map(func, iterables, mapSize(this.heap.profile), line);
        };
      case "object":
        return () => this.heap.object();
      case "type":
        return ([x]) => this.heap.incref(this.typeOf(this.one(x, "type")));
      default:
        return () => {
          throw new UnsupportedError(line, `calling ${kind}()${py2 ? "" : ""}`);
        };
    }
  }
}
