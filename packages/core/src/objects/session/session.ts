/*
 * python("3.11"): a session that reads like a small Python program and runs on the model.
 *
 *   const py = python("3.11");
 *   py.assign("lt", py.list([py.int(1), py.int(2)]));   // lt = [1, 2]
 *   py.assign("lt2", "lt");                              // lt2 = lt   (a JS string names a variable)
 *   py.print(py.sys.getrefcount("lt"));                  // 3
 *   py.del("lt2");
 *
 * Evaluation follows CPython's stack discipline. An expression (int, list, load, new, ...) leaves a
 * reference on the evaluation stack; a statement (assign, del, print, append, setattr, gc.collect)
 * consumes what it stores and drops every other stack reference at its end. Loading a name pushes a
 * new reference, except that 3.14 loads locals as borrowed references where it can (LOAD_FAST_BORROW),
 * which is why getrefcount of a local shows one less there.
 */
import { NotModelledError, UnboundNameError } from "../../errors.js";
import type { ArenaPlacement } from "../../memory/address-space.js";
import type { ObjectProfile } from "../../profiles/object-profile.js";
import { objectProfile, onWasm32 } from "../../profiles/object-versions.js";
import { profileForVersion } from "../../profiles/registry.js";
import { Pymalloc } from "../../pymalloc/pymalloc.js";
import { Collector } from "../heap/collector.js";
import { ObjectHeap } from "../heap/heap.js";
import type { ClassSpec, FunctionBody, PyObject } from "../layout/pyobject.js";
import { GcModule, SysModule, WeakrefModule } from "./modules.js";
import { formatValue } from "./repr.js";
import type { Expr, SessionAccess } from "./session-access.js";

/** What print() accepts: objects are shown with str(); JS values the way Python shows its own. */
export type PrintArg = PyObject | string | number | bigint | boolean | null;

export interface PythonOptions {
  /** 8 (default) or 4 for a 32-bit build (i386's layout; see wasm32). */
  readonly pointerSize?: 4 | 8;
  /** a wasm32 build such as Pyodide's: as i386, but 8-byte integers 8-aligned (onWasm32) */
  readonly wasm32?: boolean;
  /** Arena placement for the allocator underneath (see AddressSpace). */
  readonly placement?: ArenaPlacement;
}

interface Frame {
  readonly locals: Map<string, PyObject>;
  readonly isFunction: boolean;
}

export function python(version: string, options: PythonOptions = {}): PythonSession {
  return new PythonSession(version, options);
}

export class PythonSession implements SessionAccess {
  readonly profile: ObjectProfile;
  readonly pm: Pymalloc;
  readonly heap: ObjectHeap;
  readonly collector: Collector;
  /** Lines printed so far. */
  readonly stdout: string[] = [];
  readonly gc: GcModule;
  readonly sys: SysModule;
  readonly weakref: WeakrefModule;
  private readonly frames: Frame[] = [{ locals: new Map(), isFunction: false }];
  /** Stack references not yet consumed, one list per running statement context. */
  private readonly stacks: PyObject[][] = [[]];

  constructor(
    readonly version: string,
    options: PythonOptions = {},
  ) {
    const pointerSize = options.pointerSize ?? 8;
    const built = objectProfile(version, pointerSize);
    this.profile = options.wasm32 ? onWasm32(built) : built;
    const allocator = profileForVersion(version.split(".").slice(0, 3).join("."), pointerSize);
    this.pm = new Pymalloc(allocator, options.placement ? { placement: options.placement } : {});
    this.heap = new ObjectHeap(this.profile, this.pm, {
      finalizer: (self) => this.runFinalizer(self),
      caller: (fn, args) => this.runFunction(fn, args),
    });
    this.collector = new Collector(this.heap);
    this.gc = new GcModule(this);
    this.sys = new SysModule(this);
    this.weakref = new WeakrefModule(this);
  }

  // ------------------------------------------------------------------ expressions

  int(v: number | bigint): PyObject {
    if (typeof v === "number" && !Number.isInteger(v)) throw new RangeError(`int(${v}): not an integer`);
    return this.push(this.heap.int(BigInt(v)));
  }

  /** 2.7: long(v). (int(v) also gives a long there when v does not fit a C long.) */
  long(v: number | bigint): PyObject {
    if (typeof v === "number" && !Number.isInteger(v)) throw new RangeError(`long(${v}): not an integer`);
    return this.push(this.heap.long(BigInt(v)));
  }

  float(v: number): PyObject {
    return this.push(this.heap.float(v));
  }

  str(s: string): PyObject {
    return this.push(this.heap.str(s));
  }

  bytes(s: string): PyObject {
    return this.push(this.heap.bytes(s));
  }

  none(): PyObject {
    return this.push(this.heap.incref(this.heap.runtime.none));
  }

  bool(b: boolean): PyObject {
    return this.push(this.heap.incref(b ? this.heap.runtime.true : this.heap.runtime.false));
  }

  tuple(items: Expr[]): PyObject {
    return this.push(this.heap.tuple(items.map((e) => this.take(e))));
  }

  /** [a, b, ...] built by BUILD_LIST: exactly as many slots as items. */
  list(items: Expr[]): PyObject {
    return this.push(this.heap.list(items.map((e) => this.take(e))));
  }

  /** {k: v, ...}: a dict literal, built the way the version's compiler and BUILD_MAP build it. */
  dict(pairs: [Expr, Expr][]): PyObject {
    const keys = pairs.map(([k]) => this.take(k));
    const values = pairs.map(([, v]) => this.take(v));
    return this.push(this.heap.dict(keys, values));
  }

  /** dict(), dict(mapping) or dict(pairs) where pairs is a list or tuple of 2-item tuples or lists. */
  dictCall(source?: Expr): PyObject {
    return this.push(this.heap.dicts.call(source === undefined ? undefined : this.peek(source)));
  }

  /** lambda: a new function object with `body` (say, a weakref callback). */
  lambda(body: FunctionBody): PyObject {
    return this.push(this.heap.function("<lambda>", body));
  }

  object(): PyObject {
    return this.push(this.heap.object());
  }

  /** Push a variable's value (LOAD_NAME / LOAD_FAST): a new stack reference. */
  load(name: string): PyObject {
    return this.push(this.heap.incref(this.lookup(name)));
  }

  /** C(): a new instance of a class made by defineClass. */
  new(cls: Expr): PyObject {
    const c = this.peek(cls);
    if (c.kind !== "class") throw new TypeError(`${String(cls)} is not a class`);
    return this.push(this.heap.instance(c));
  }

  /** obj.name: a new stack reference to the attribute's value (obj.__dict__ makes the dict, ≤3.10). */
  getattr(obj: Expr, name: string): PyObject {
    const self = this.peek(obj);
    if (name === "__dict__" && self.kind === "instance")
      return this.push(this.heap.incref(this.instanceDict(self)));
    const value = this.heap.attribute(self, name);
    if (!value) throw new NotModelledError(`AttributeError: no attribute "${name}"`);
    return this.push(this.heap.incref(value));
  }

  /** obj[i] of a list or tuple: a new stack reference. */
  getitem(obj: Expr, index: number): PyObject {
    const items = this.peek(obj).items;
    const item = items[index < 0 ? items.length + index : index];
    if (!item) throw new RangeError(`IndexError: index ${index} out of range`);
    return this.push(this.heap.incref(item));
  }

  /** r(): a new stack reference to a weakref's referent, or to None once it was cleared. */
  callRef(ref: Expr): PyObject {
    return this.push(this.heap.weak.deref(this.peek(ref)));
  }

  /**
   * id(x): the object's address. Like any call, id() releases an argument that was only on the stack
   * once it returns, which is why `id([]) == id([])` is true: the second list reuses the first's memory.
   */
  id(e: Expr): number {
    const address = this.peek(e).address;
    this.releaseArgument(e);
    return address;
  }

  /** a is b */
  is(a: Expr, b: Expr): boolean {
    return this.peek(a) === this.peek(b);
  }

  // ------------------------------------------------------------------ statements

  /** name = value */
  assign(name: string, value: Expr): void {
    const o = this.take(value);
    const locals = this.frame.locals;
    const old = locals.get(name);
    locals.set(name, o);
    if (old) this.heap.decref(old);
    this.endStatement();
  }

  /** del a, b, ... (names are checked first, so an unbound name changes nothing) */
  del(...names: string[]): void {
    for (const n of names)
      if (!this.frame.locals.has(n)) throw new UnboundNameError(`name '${n}' is not defined`);
    for (const n of names) {
      const o = this.frame.locals.get(n) as PyObject;
      this.frame.locals.delete(n);
      this.heap.decref(o);
    }
    this.endStatement();
  }

  /** obj.name = value */
  setattr(obj: Expr, name: string, value: Expr): void {
    const self = this.peek(obj);
    if (self.kind !== "instance")
      throw new NotModelledError(`attributes of ${self.kind} objects are not modelled`);
    const slots = self.cls?.classSpec?.slots;
    if (slots && !slots.includes(name))
      throw new NotModelledError(`AttributeError: '${name}' is not in __slots__`);
    this.heap.setAttribute(self, name, this.take(value));
    this.endStatement();
  }

  /** d[key] = value */
  setitem(d: Expr, key: Expr, value: Expr): void {
    const dict = this.peek(d);
    if (dict.kind !== "dict")
      throw new NotModelledError(`item assignment on ${dict.kind} objects is not modelled`);
    const k = this.take(key);
    this.heap.dicts.setItem(dict, k, this.take(value));
    this.endStatement();
  }

  /** lst.append(value) */
  append(list: Expr, value: Expr): void {
    const l = this.peek(list);
    if (l.kind !== "list") throw new TypeError("append needs a list");
    this.heap.append(l, this.take(value));
    this.endStatement();
  }

  /** lst.clear(), or del lst[:]: drops every item (last first) and frees the item array. */
  clear(list: Expr): void {
    const l = this.peek(list);
    if (l.kind !== "list") throw new TypeError("clear needs a list");
    this.heap.clearReferences(l);
    this.endStatement();
  }

  /** print(a, b, ...) */
  print(...args: PrintArg[]): void {
    this.stdout.push(args.map((a) => formatValue(a, this.profile)).join(" "));
    this.endStatement();
  }

  /** class Name: ... ; binds the class in the current scope and returns it. */
  defineClass(spec: ClassSpec): PyObject {
    const c = this.heap.classObject(spec);
    this.frame.locals.set(spec.name, c);
    this.endStatement();
    return c;
  }

  /** def name(...): body — binds a new function object in the current scope and returns it. */
  def(name: string, body: FunctionBody): PyObject {
    const fn = this.heap.function(name, body);
    const old = this.frame.locals.get(name);
    this.frame.locals.set(name, fn);
    if (old) this.heap.decref(old);
    this.endStatement();
    return fn;
  }

  /**
   * Calls a Python function whose body is `body`: its names are locals, released when it returns.
   * `args` binds parameters, `{ param: expr }` for `f(expr)` where f's parameter is `param`. Up to 3.10
   * the caller's stack keeps a reference to each argument until the call returns and the parameter
   * takes a new one; 3.11+ moves the stack reference into the parameter (argumentsMovedIntoFrame).
   * What the body returns (if anything) is the call's value, as a stack reference of the caller.
   */
  call(body: () => Expr | undefined, args: Readonly<Record<string, Expr>> = {}): PyObject {
    const caller = this.stacks.at(-1) as PyObject[];
    const values = Object.entries(args).map(([name, e]) => {
      const o = typeof e === "string" ? this.push(this.heap.incref(this.lookup(e))) : e;
      if (!caller.includes(o)) this.push(this.heap.incref(o));
      return [name, o] as const;
    });
    const moved = this.profile.refcounts.argumentsMovedIntoFrame;
    const locals = new Map<string, PyObject>();
    for (const [name, o] of values) {
      if (moved) caller.splice(caller.lastIndexOf(o), 1);
      else this.heap.incref(o);
      const old = locals.get(name);
      locals.set(name, o);
      if (old) this.heap.decref(old);
    }
    this.frames.push({ locals, isFunction: true });
    this.stacks.push([]);
    let result: PyObject | undefined;
    try {
      const r = body();
      result = r === undefined ? undefined : this.take(r);
    } finally {
      this.releaseStack();
      const frame = this.frames.pop() as Frame;
      for (const o of frame.locals.values()) this.heap.decref(o);
      // Up to 3.10 the caller pops its argument references as soon as the call returns.
      if (!moved) for (const [, o] of values) this.releaseArgument(o);
    }
    return this.push(result ?? this.heap.incref(this.heap.runtime.none));
  }

  /** Ends the current statement: stack references nobody consumed are dropped. */
  endStatement(): void {
    const stack = this.stacks.at(-1) as PyObject[];
    while (stack.length > 0) this.heap.decref(stack.pop() as PyObject);
  }

  // ------------------------------------------------------------------ helpers for modules and specs

  /** The object an operand denotes, without touching its count. */
  peek(e: Expr): PyObject {
    return typeof e === "string" ? this.lookup(e) : e;
  }

  /** The names bound in the current scope (module or function). */
  names(): string[] {
    return [...this.frame.locals.keys()];
  }

  /** Is `name` a local of a running function (3.14 borrows those on load)? */
  isFunctionLocal(name: string): boolean {
    return this.frame.isFunction && this.frame.locals.has(name);
  }

  /** Does the current statement's stack hold a reference to `o`? */
  onStack(o: PyObject): boolean {
    return (this.stacks.at(-1) as PyObject[]).includes(o);
  }

  /** Every reference the session itself holds (names and stacks), for invariant checks. */
  *roots(): Generator<PyObject> {
    for (const f of this.frames) yield* f.locals.values();
    for (const s of this.stacks) yield* s;
    yield* this.collector.garbage;
  }

  // ------------------------------------------------------------------ internals

  private get frame(): Frame {
    return this.frames.at(-1) as Frame;
  }

  private lookup(name: string): PyObject {
    const o = this.frame.locals.get(name) ?? (this.frames[0] as Frame).locals.get(name);
    if (!o) throw new UnboundNameError(`name '${name}' is not defined`);
    return o;
  }

  /** For modules: put a function's result (a new reference) on the stack. */
  pushResult(o: PyObject): PyObject {
    return this.push(o);
  }

  /** For modules: an owned reference to an argument (moved from the stack, or a new one). */
  takeRef(e: Expr): PyObject {
    return this.take(e);
  }

  /** After a call: drop the caller's stack reference to an argument, if the argument was one. */
  private releaseArgument(e: Expr): void {
    if (typeof e === "string") return;
    const stack = this.stacks.at(-1) as PyObject[];
    const i = stack.lastIndexOf(e);
    if (i < 0) return;
    stack.splice(i, 1);
    this.heap.decref(e);
  }

  private push(o: PyObject): PyObject {
    (this.stacks.at(-1) as PyObject[]).push(o);
    return o;
  }

  /** An owned reference for a store: a stack reference is moved, anything else gets a new one. */
  private take(e: Expr): PyObject {
    if (typeof e === "string") return this.heap.incref(this.lookup(e));
    const stack = this.stacks.at(-1) as PyObject[];
    const i = stack.lastIndexOf(e);
    if (i >= 0) {
      stack.splice(i, 1);
      return e;
    }
    return this.heap.incref(e);
  }

  private releaseStack(): void {
    this.endStatement();
    this.stacks.pop();
  }

  /** The instance's __dict__ (≤3.10; 3.11+ would have to build it from the inline values). */
  private instanceDict(self: PyObject): PyObject {
    if (self.cls?.classSpec?.slots)
      throw new NotModelledError("AttributeError: an instance with __slots__ has no __dict__");
    if (this.profile.instanceAttributes !== "dict-object")
      throw new NotModelledError(
        "obj.__dict__ of 3.11+ instances (built from inline values) is not modelled",
      );
    return this.heap.dicts.instanceDict(self);
  }

  /** A function object called with `args`: a frame of its own that holds the arguments meanwhile. */
  private runFunction(fn: PyObject, args: PyObject[]): void {
    const body = fn.body;
    if (!body) return;
    this.frames.push({ locals: new Map(), isFunction: true });
    this.stacks.push(args.map((a) => this.heap.incref(a)));
    this.heap.incref(fn);
    try {
      const result = body(...args);
      if (result !== undefined) this.heap.decref(this.take(result));
    } finally {
      this.releaseStack();
      const frame = this.frames.pop() as Frame;
      for (const o of frame.locals.values()) this.heap.decref(o);
      this.heap.decref(fn);
    }
  }

  /** __del__ runs as a call: its own frame (self is a local) and its own stack. */
  private runFinalizer(self: PyObject): void {
    const spec = self.cls?.classSpec;
    if (!spec?.__del__) return;
    const del = spec.__del__;
    this.frames.push({ locals: new Map(), isFunction: true });
    this.stacks.push([]);
    try {
      del(self);
    } finally {
      this.releaseStack();
      const frame = this.frames.pop() as Frame;
      for (const o of frame.locals.values()) this.heap.decref(o);
    }
  }
}
