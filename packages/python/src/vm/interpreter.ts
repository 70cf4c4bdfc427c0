/*
 * The interpreter: walks the syntax tree of each code unit in CPython's evaluation order, with an
 * explicit evaluation stack per frame (frame.ts), so that every reference CPython's bytecode holds
 * (stack temporaries, arguments, iterators, the list a comprehension builds) is held here at the same
 * moments. Version differences are VersionRules (rules.ts) and the core's ObjectProfile.
 *
 * Why a tree walk and not bytecode: docs/decisions.md, "@pymem/python runs the syntax tree".
 */
import { Collector, NotModelledError, type ObjectHeap, type PyObject, repr } from "@pymem/core";
import { RunawayError, UnsupportedError } from "../errors.js";
import type { Expr, Module, Stmt, Target } from "../frontend/ast.js";
import {
  dictOperands,
  endsBlock,
  firstBorrowable,
  HANDLER_ONLY,
  markHandlerOnly,
  TRY_ENDS_NORMALLY,
} from "./blocks.js";
import { isBuiltinName } from "./builtin-names.js";
import { Builtins } from "./builtins.js";
import {
  call,
  callFromC,
  callSlotMethod,
  exitFrame,
  type FunctionInfo,
  frameObjectDone,
  frameObjectMade,
  invoke,
  letGo,
} from "./calls.js";
import { CodeUnits } from "./code.js";
import { EXCEPTION_BASES, isSubclass, PyException } from "./exceptions.js";
import { formatString, percentFormat, returnedAsIs } from "./format.js";
import { Frame } from "./frame.js";
import { Iterators } from "./iterators.js";
import type { VersionRules } from "./rules.js";
import {
  binary,
  COUNTS_KNOWN_FROM_BELOW,
  COUNTS_WITHIN,
  compareCounts,
  compareWithin,
  equal,
  order,
  partlyKnown,
  refuseUnknownCount,
  reprOf,
  str,
  truthy,
  typeName,
  unary,
} from "./values.js";

/** The special names a class body may bind that the model runs: the rest are refused. */
const CLASS_BODY_SPECIALS = new Set(["__init__", "__del__", "__module__", "__qualname__", "__doc__"]);

const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Signal = typeof BREAK | typeof CONTINUE | typeof RETURN | undefined;

/** What a Python-level class holds: its namespace (methods, class attributes) and its base. */
interface ClassInfo {
  readonly namespace: Map<string, PyObject>;
  readonly base: PyObject | undefined;
}

export interface InterpreterHooks {
  /** After each statement (for traces). */
  readonly afterStatement?: (line: number, frame: Frame) => void;
}

export class Interpreter {
  readonly collector: Collector;
  readonly builtins: Builtins;
  out = "";
  err = "";
  readonly units: CodeUnits;
  private readonly classes = new Map<PyObject, ClassInfo>();
  readonly iterators: Iterators;

  /** Is this a 2.7 classic class (not an instance of type)? */
  isClassic(cls: PyObject): boolean {
    return cls.classSpec?.classic === true;
  }
  readonly functions = new Map<PyObject, FunctionInfo>();
  readonly frames: Frame[] = [];
  /** call sites that ran at least once (3.13+ specializes some calls on their second run) */
  readonly executedSites = new Set<Expr>();
  /** 2.7: frames kept by the exception a frame last handled, released when that frame exits */
  readonly heldUntilExit = new Map<Frame, Frame[]>();
  returnValue: PyObject | undefined;
  private steps = 0;

  constructor(
    readonly module: Module,
    readonly heap: ObjectHeap,
    readonly rules: VersionRules,
    private readonly limit: number,
    private readonly hooks: InterpreterHooks = {},
    readonly platform = "linux",
  ) {
    this.collector = new Collector(heap);
    this.units = new CodeUnits(module, heap, rules);
    this.iterators = new Iterators(this);
    this.builtins = new Builtins(this);
  }

  /** The innermost running frame. */
  get frame(): Frame {
    return this.frames.at(-1) as Frame;
  }

  get moduleFrame(): Frame {
    return this.frames[0] as Frame;
  }

  run(): void {
    if (this.rules.borrowedLocalLoads) markHandlerOnly(this.module);
    const globals = new Map<string, PyObject>();
    const frame = new Frame(this.units.module, globals, globals, this.heap);
    this.frames.push(frame);
    try {
      this.execBlock(this.module.body);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      // uncaught: sys.last_traceback keeps the frames until finalization, which clears it first
      frame.unwind(0);
      this.heldUntilExit.set(frame, [...e.heldFrames.splice(0), ...(this.heldUntilExit.get(frame) ?? [])]);
      this.uncaught = e;
    }
    this.shutdown(frame);
    if (this.uncaught) throw this.uncaught;
  }

  /** The exception that ended the program, if one did. */
  private uncaught: PyException | undefined;

  /**
   * Interpreter exit: 3.x clears the module's names (_PyModule_ClearDict: names starting with one
   * underscore first, then the rest, in the dict's insertion order), which runs the __del__ of what
   * they kept alive, then collects what cycles are left. 2.7 walks its dict in hash order, which the
   * model does not follow: a program that leaves an object with __del__ alive at exit is refused
   * there. Pyodide never finalizes its interpreter: a program's end runs nothing (measured on its
   * 3.10 – 3.15 builds, where del-shutdown.py prints no __del__ line).
   */
  private shutdown(frame: Frame): void {
    if (this.platform === "emscripten") return;
    const names = frame.names;
    for (const f of this.heldUntilExit.get(frame) ?? []) exitFrame(this, f);
    this.heldUntilExit.delete(frame);
    if (this.rules.python2) {
      // what gc.garbage holds is never finalized: 2.7 leaves it to the process's end
      const kept = new Set<PyObject>();
      const keep = (o: PyObject): void => {
        if (kept.has(o)) return;
        kept.add(o);
        for (const r of o.referents()) keep(r);
      };
      for (const o of this.collector.garbage) keep(o);
      for (const o of this.heap.live)
        if (o.kind === "instance" && o.cls?.classSpec?.__del__ && !kept.has(o))
          throw new UnsupportedError(frame.line, "the order of __del__ calls at interpreter exit on 2.7");
      return;
    }
    const none = this.heap.runtime.none;
    const pass = (pick: (name: string) => boolean) => {
      for (const [name, old] of [...names]) {
        if (!pick(name) || old === none) continue;
        names.set(name, this.heap.incref(none));
        this.heap.decref(old);
      }
    };
    pass((n) => n.startsWith("_") && !n.startsWith("__"));
    pass(() => true);
    // then one last full collection, gc.disable() or not (finalize_modules: _PyGC_CollectNoFail)
    this.collector.collect(2);
  }

  // ---------------------------------------------------------------- statements

  execBlock(body: readonly Stmt[]): Signal {
    for (const s of body) {
      const signal = this.exec(s);
      if (signal) return signal;
    }
    return undefined;
  }

  private tick(line: number): void {
    if (++this.steps > this.limit) throw new RunawayError(line, this.limit);
  }

  private exec(s: Stmt): Signal {
    const frame = this.frame;
    frame.line = s.line;
    frame.handlerOnly = HANDLER_ONLY.has(s);
    this.tick(s.line);
    try {
      const signal = this.execInner(s, frame);
      if (this.heap.dicts.releasedInHashOrder > 0)
        throw new UnsupportedError(
          s.line,
          "freeing a 2.7 dict whose keys or values die with it (in its hash table's order)",
        );
      this.hooks.afterStatement?.(s.line, frame);
      return signal;
    } catch (e) {
      if (e instanceof PyException && e.line === 0) e.line = s.line;
      if (e instanceof NotModelledError) throw new UnsupportedError(s.line, e.message);
      throw e;
    }
  }

  private execInner(s: Stmt, frame: Frame): Signal {
    switch (s.k) {
      case "expr":
        this.eval(s.value);
        frame.drop();
        return undefined;
      case "assign":
        this.assign(s.targets, s.value);
        return undefined;
      case "augassign":
        this.augmentedAssign(s);
        return undefined;
      case "del":
        for (const t of s.targets) this.delete(t);
        return undefined;
      case "pass":
        return undefined;
      case "break":
        return BREAK;
      case "continue":
        return CONTINUE;
      case "return":
        if (s.value) this.eval(s.value, false);
        else frame.push(this.heap.incref(this.heap.runtime.none));
        this.returnValue = frame.popOwned();
        return RETURN;
      case "if":
        return this.truth(s.test) ? this.execBlock(s.body) : this.execBlock(s.orelse);
      case "while": {
        while (this.truth(s.test)) {
          this.tick(s.line);
          const signal = this.execBlock(s.body);
          if (signal === BREAK) return undefined;
          if (signal === RETURN) return signal;
        }
        return this.execBlock(s.orelse);
      }
      case "for":
        return this.forLoop(s);
      case "def":
        this.defineFunction(
          s.name,
          s,
          s.params.positional.map((p) => p.default),
        );
        return undefined;
      case "class":
        this.defineClass(s);
        return undefined;
      case "import":
        for (const name of s.names) {
          frame.push(this.heap.incref(this.builtins.module(name, s.line)));
          this.store({ line: s.line, k: "name", id: name });
        }
        return undefined;
      case "future":
        return undefined;
      case "global":
        // in a class body it makes the name a module global there: not modelled
        if (frame.unit.kind === "class") throw new UnsupportedError(s.line, "'global' in a class body");
        return undefined;
      case "raise":
        if (!s.exception) throw new UnsupportedError(s.line, "a bare 'raise'");
        throw this.exceptionFrom(s.exception);
      case "try":
        return this.tryStatement(s);
    }
  }

  private truth(e: Expr): boolean {
    this.eval(e);
    const v = truthy(this.frame.top());
    this.frame.drop();
    return v;
  }

  private assign(targets: readonly Target[], value: Expr): void {
    const frame = this.frame;
    const [first] = targets;
    // a, b = x, y (2 or 3 names, not a tuple the compiler folds): no tuple is built (ROT_TWO / ROT_THREE)
    if (
      targets.length === 1 &&
      first &&
      (first.k === "tuple" || first.k === "list") &&
      value.k === "tuple" &&
      value.items.length === first.items.length &&
      value.items.length >= 2 &&
      value.items.length <= 3 &&
      !this.units.hasConstant(value)
    ) {
      for (const item of value.items) this.eval(item, false);
      // the values are on the stack in order; stores take them in target order
      const values = value.items.map(() => frame.popOwned()).reverse();
      first.items.forEach((t, i) => {
        frame.push(values[i] as PyObject);
        this.store(t);
      });
      return;
    }
    // 3.15 compiles `a, b = <constant tuple>` otherwise (measured on Pyodide's 3.15.0: one reference
    // fewer to each item in a function than UNPACK_SEQUENCE of the tuple leaves)
    if (
      this.rules.borrowedConstantLoads &&
      targets.some((t) => t.k === "tuple" || t.k === "list") &&
      this.units.hasConstant(value) &&
      value.k === "tuple"
    )
      throw new UnsupportedError(value.line, "unpacking a constant tuple on 3.15");
    this.eval(value, false);
    targets.forEach((t, i) => {
      if (i < targets.length - 1) frame.push(this.heap.incref(frame.top()));
      this.store(t);
    });
  }

  /** Stores the top of the stack into a target (consumes it). */
  private store(t: Target): void {
    const frame = this.frame;
    switch (t.k) {
      case "name": {
        const names = this.scopeFor(t.id, frame);
        const fast = names === frame.names && this.isFastLocal(t.id, frame);
        const [value, owned] = frame.pop();
        // a borrowed reference stays borrowed in a fast local (3.14); anywhere else it is counted
        if (!owned && !fast) this.heap.incref(value);
        const old = names.get(t.id);
        const oldOwned = !frame.borrowed.has(t.id) || !fast;
        names.set(t.id, value);
        if (fast && !owned) frame.borrowed.add(t.id);
        else if (fast) frame.borrowed.delete(t.id);
        if (old && oldOwned) this.heap.decref(old);
        return;
      }
      case "attribute": {
        this.eval(t.object);
        const obj = frame.top();
        if (obj.kind !== "instance")
          throw new UnsupportedError(
            t.line,
            `setting attributes on ${typeName(obj, this.rules.python2)} objects`,
          );
        const value = frame.top(1);
        this.heap.incref(value);
        this.heap.setAttribute(obj, t.name, value);
        frame.drop();
        frame.drop();
        return;
      }
      case "subscript": {
        this.eval(t.object);
        this.eval(t.index);
        const [value, obj, key] = [frame.top(2), frame.top(1), frame.top()];
        this.setItem(obj, key, value, t.line);
        frame.drop();
        frame.drop();
        frame.drop();
        return;
      }
      case "tuple":
      case "list": {
        const seq = frame.top();
        const items = this.unpack(seq, t.items.length);
        frame.drop();
        for (let i = items.length - 1; i >= 0; i--) frame.push(items[i] as PyObject);
        for (const item of t.items) this.store(item);
        return;
      }
      default:
        throw new UnsupportedError(t.line, "this assignment target");
    }
  }

  /** UNPACK_SEQUENCE: new references to a sequence's items. */
  private unpack(seq: PyObject, n: number): PyObject[] {
    if (seq.kind !== "tuple" && seq.kind !== "list")
      throw new UnsupportedError(this.frame.line, `unpacking a ${typeName(seq, this.rules.python2)}`);
    if (seq.items.length !== n) {
      const many = seq.items.length > n;
      throw new PyException(
        "ValueError",
        many
          ? `too many values to unpack (expected ${n})`
          : `not enough values to unpack (expected ${n}, got ${seq.items.length})`,
      );
    }
    return seq.items.map((i) => this.heap.incref(i));
  }

  private setItem(obj: PyObject, key: PyObject, value: PyObject, line: number): void {
    if (obj.kind === "dict") {
      this.heap.dicts.setItem(obj, this.heap.incref(key), this.heap.incref(value));
      return;
    }
    if (obj.kind === "list" && (key.kind === "int" || key.kind === "bool")) {
      const i = this.index(obj, key);
      const old = obj.items[i] as PyObject;
      obj.items[i] = this.heap.incref(value);
      this.heap.decref(old);
      return;
    }
    throw new UnsupportedError(line, `item assignment on ${typeName(obj, this.rules.python2)} objects`);
  }

  private index(seq: PyObject, key: PyObject): number {
    const n = seq.kind === "str" || seq.kind === "bytes" ? (seq.value as string).length : seq.items.length;
    let i = Number(key.value as bigint);
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      throw new PyException("IndexError", `${typeName(seq, this.rules.python2)} index out of range`);
    return i;
  }

  private augmentedAssign(s: Stmt & { k: "augassign" }): void {
    const frame = this.frame;
    const t = s.target;
    if (t.k !== "name") throw new UnsupportedError(s.line, "augmented assignment to an attribute or item");
    this.eval(t, false);
    this.eval(s.value);
    const [a, b] = [frame.top(1), frame.top()];
    if (a.kind === "list") {
      if (s.op !== "+" || (b.kind !== "list" && b.kind !== "tuple"))
        throw new UnsupportedError(s.line, `'${s.op}=' on a list`);
      // list_inplace_concat: extends the list itself and gives it back
      this.heap.extend(
        a,
        b.items.map((i) => this.heap.incref(i)),
      );
      const self = this.heap.incref(a);
      frame.drop();
      frame.drop();
      frame.push(self);
      this.store(t);
      return;
    }
    // str += str may resize the left string in place when nothing else holds it (unicode_concatenate)
    if (a.kind === "str" && s.op === "+") throw new UnsupportedError(s.line, "'+=' on a str");
    const result = binary(this.heap, s.op, a, b, this.rules.python2);
    if (!result) throw this.operandError(s.op, a, b, s.line);
    frame.drop();
    frame.drop();
    frame.push(result);
    this.store(t);
  }

  private delete(t: Target): void {
    const frame = this.frame;
    switch (t.k) {
      case "name": {
        const names = this.scopeFor(t.id, frame);
        const old = names.get(t.id);
        if (!old) throw this.nameError(t.id, frame);
        names.delete(t.id);
        const borrowed = names === frame.names && frame.borrowed.delete(t.id);
        if (!borrowed) this.heap.decref(old);
        return;
      }
      case "subscript":
        this.deleteSubscript(t);
        return;
      case "tuple":
      case "list":
        for (const item of t.items) this.delete(item);
        return;
      case "attribute": {
        this.eval(t.object);
        const obj = frame.top();
        if (obj.kind !== "instance")
          throw new UnsupportedError(t.line, `'del' of an attribute of a ${obj.kind}`);
        if (!this.heap.deleteAttribute(obj, t.name)) {
          const [major, minor] = this.heap.profile.python;
          throw new PyException(
            "AttributeError",
            major === 3 && minor >= 11
              ? `'${typeName(obj, this.rules.python2)}' object has no attribute '${t.name}'`
              : t.name,
          );
        }
        frame.drop();
        return;
      }
      default:
        throw new UnsupportedError(t.line, "this 'del' target");
    }
  }

  /**
   * del x[i], del x[a:b], del d[k] (DELETE_SUBSCR; 2.7's DELETE_SLICE). The slice object 3.x builds
   * is not modelled: it comes from and goes back to the one-slot slice cache, which start-up leaves
   * filled.
   */
  private deleteSubscript(t: Target & { k: "subscript" }): void {
    const frame = this.frame;
    const index = t.index;
    this.eval(t.object);
    const obj = frame.top();
    if (this.builtins.isGarbageList(obj)) throw new UnsupportedError(t.line, "'del' of items of gc.garbage");
    if (index.k === "slice") {
      if (index.step) throw new UnsupportedError(t.line, "'del' of a slice with a step");
      if (obj.kind !== "list") throw new UnsupportedError(t.line, `'del' of a slice of a ${obj.kind}`);
      const [lo, hi] = this.sliceBounds(index, obj.items.length, t.line);
      this.heap.deleteSlice(obj, lo, hi);
      frame.drop();
      return;
    }
    this.eval(index);
    const key = frame.top();
    if (obj.kind === "list" && (key.kind === "int" || key.kind === "bool")) {
      const n = obj.items.length;
      let i = Number(key.value as bigint);
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw new PyException("IndexError", "list assignment index out of range");
      this.heap.deleteItem(obj, i);
    } else if (obj.kind === "dict") {
      if (!this.heap.dicts.deleteItem(obj, key)) throw new PyException("KeyError", reprOf(key, this.heap));
    } else throw new UnsupportedError(t.line, `'del' of an item of a ${typeName(obj, this.rules.python2)}`);
    frame.drop();
    frame.drop();
  }

  private forLoop(s: Stmt & { k: "for" }): Signal {
    const frame = this.frame;
    this.eval(s.iter, !this.rules.virtualIterators);
    const nextItem = this.getIter(s.line);
    for (;;) {
      this.tick(s.line);
      const next = nextItem();
      if (!next) break;
      frame.push(next);
      this.store(s.target);
      const signal = this.execBlock(s.body);
      if (signal === BREAK) {
        frame.drop();
        return undefined;
      }
      if (signal === RETURN) {
        frame.drop();
        return signal;
      }
    }
    frame.drop();
    return this.execBlock(s.orelse);
  }

  /** GET_ITER on the iterable on top of the stack (iterators.ts, loopOver): FOR_ITER's next item. */
  private getIter(line: number): () => PyObject | undefined {
    return this.iterators.loopOver(this.frame, line);
  }

  /** PyObject_GetIter, tp_iternext and PyObject_LengthHint (iterators.ts). */
  iterOf(seq: PyObject, line: number): PyObject {
    return this.iterators.iterOf(seq, line);
  }

  next(it: PyObject, line = this.frame.line): PyObject | undefined {
    return this.iterators.next(it, line);
  }

  lengthHint(o: PyObject, dflt: number): number {
    return this.iterators.lengthHint(o, dflt);
  }

  /** A call made from C code (map's function): see calls.ts, callFromC. */
  callFromC(callee: PyObject, args: readonly PyObject[], line: number, tupled?: boolean): PyObject {
    return callFromC(this, callee, args, line, tupled);
  }

  private defineFunction(name: string, node: Stmt | Expr, defaults: readonly (Expr | undefined)[]): void {
    const frame = this.frame;
    const given = defaults.filter((d): d is Expr => d !== undefined);
    for (const d of given) this.eval(d, false);
    const values = given.map(() => frame.popOwned()).reverse();
    const fn = this.heap.function(name, () => undefined);
    fn.items = values; // the defaults: the function holds them and drops them when it dies
    this.functions.set(fn, { node, defaults: values });
    frame.push(fn);
    if (node.k === "def") this.store({ line: node.line, k: "name", id: name });
  }

  private defineClass(s: Stmt & { k: "class" }): void {
    const frame = this.frame;
    let base: PyObject | undefined;
    if (s.bases.length === 1) {
      this.eval(s.bases[0] as Expr);
      base = frame.popOwned();
      if (base === this.builtins.lookup("object")) {
        this.heap.decref(base);
        base = undefined;
      } else if (base.kind !== "class")
        throw new UnsupportedError(s.line, `a class derived from ${repr(base, this.heap.profile)}`);
    }
    // 2.7: a class with no base is a classic class (PyClassObject), its instances PyInstanceObject
    const classic = this.rules.python2 && s.bases.length === 0;
    if (classic && base === undefined && s.bases.length > 0)
      throw new UnsupportedError(s.line, "a classic class");
    const namespace = new Map<string, PyObject>();
    const unit = this.units.unitOf(s);
    const body = new Frame(unit, namespace, frame.globals, this.heap);
    frameObjectMade(this, body);
    this.frames.push(body);
    try {
      this.execBlock(s.body);
    } finally {
      this.frames.pop();
      frameObjectDone(this, body);
    }
    if (namespace.has("__slots__")) throw new UnsupportedError(s.line, "__slots__ in a class body");
    // any other special method changes what an operator, a builtin or an attribute does
    const special = [...namespace.keys()].find((k) => /^__\w+__$/.test(k) && !CLASS_BODY_SPECIALS.has(k));
    if (special) throw new UnsupportedError(s.line, `a class that defines ${special}`);
    const info: ClassInfo = { namespace, base };
    const cls = this.heap.classObject({
      name: s.name,
      ...(classic ? { classic } : {}),
      ...(this.lookupClass(info, "__del__") ? { __del__: (self: PyObject) => this.finalize(self) } : {}),
    });
    this.classes.set(cls, info);
    // type_new allocates the type, its dict, MRO and descriptors, and the namespace dict it drops
    // goes to the dict free list: memory the model does not place, and free lists it cannot know
    this.builtins.unmodelledAllocation("anything", `the class statement ${s.name}`);
    // the class's own structures (its MRO, its __dict__'s back references) keep it alive: the
    // model counts those as the runtime's reference, besides the one the name gets
    frame.push(this.heap.incref(cls));
    this.store({ line: s.line, k: "name", id: s.name });
  }

  private lookupClass(info: ClassInfo | undefined, name: string): PyObject | undefined {
    for (let c = info; c; c = c.base ? this.classes.get(c.base) : undefined) {
      const v = c.namespace.get(name);
      if (v) return v;
    }
    return undefined;
  }

  /** The base class of a class defined in Python (undefined for object). */
  baseOf(cls: PyObject): PyObject | undefined {
    return this.classes.get(cls)?.base;
  }

  /** A class's attribute (methods included), borrowed. */
  classAttribute(cls: PyObject, name: string): PyObject | undefined {
    return this.lookupClass(this.classes.get(cls), name);
  }

  /** Weakref callbacks: the heap calls the function with the weakref (borrowed arguments). */
  callback(fn: PyObject, args: PyObject[]): void {
    try {
      this.heap.decref(invoke(this, fn, args, [], undefined, this.frame.line));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      // stderr, as CPython writes it, with the model's address
      this.err += `Exception ignored in: ${repr(fn, this.heap.profile)}\n${e.summary}\n`;
    }
  }

  /** __del__ of a dying instance (the heap calls it; self is borrowed). */
  finalize(self: PyObject): void {
    const del = this.classAttribute(self.cls as PyObject, "__del__") as PyObject;
    try {
      this.heap.decref(callSlotMethod(this, del, self, [], this.frame.line));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      this.err += `Exception ignored in: <function ${self.cls?.classSpec?.name}.__del__>\n${e.summary}\n`;
    }
  }

  private tryStatement(s: Stmt & { k: "try" }): Signal {
    const frame = this.frame;
    const depth = frame.depth;
    let signal: Signal;
    /**
     * Does the finally run as handler code: for an exception on its way out, or for a return or break
     * from a handler (the compiler puts a copy of it there)? 3.14 borrows no load in handler code.
     */
    let exceptional = true;
    try {
      try {
        signal = this.execBlock(s.body);
      } catch (e) {
        if (!(e instanceof PyException)) throw e;
        frame.unwind(depth);
        const handler = s.handlers.find((h) => this.matches(e, h.type));
        if (!handler) throw e;
        if (handler.name) throw new UnsupportedError(handler.line, "'except ... as name'");
        frame.handlers++;
        try {
          const handled = this.execBlock(handler.body);
          // after the handler the normal copy of the finally runs, which only a handler reaches
          // when the body cannot end normally
          exceptional = handled !== undefined || !TRY_ENDS_NORMALLY.has(s);
          return handled;
        } finally {
          frame.handlers--;
          letGo(this, e, frame);
        }
      }
      if (!signal) signal = this.execBlock(s.orelse);
      exceptional = false;
    } finally {
      if (s.finally.length > 0) {
        if (exceptional) frame.handlers++;
        try {
          const after = this.execBlock(s.finally);
          if (after) signal = after;
        } finally {
          if (exceptional) frame.handlers--;
        }
      }
    }
    return signal;
  }

  private matches(e: PyException, type: Expr | undefined): boolean {
    if (!type) return true;
    const names = type.k === "tuple" ? type.items : [type];
    return names.some((n) => {
      if (n.k !== "name" || !(n.id in EXCEPTION_BASES))
        throw new UnsupportedError(n.line, "catching exceptions other than builtin ones by name");
      return isSubclass(e.type, n.id);
    });
  }

  private exceptionFrom(e: Expr): PyException {
    const call = e.k === "call" ? e : undefined;
    const name = call ? call.func : e;
    if (name.k !== "name" || !(name.id in EXCEPTION_BASES))
      throw new UnsupportedError(e.line, "raising anything but a builtin exception");
    const arg = call?.args[0];
    if (call && (call.args.length > 1 || call.keywords.length > 0 || (arg && arg.k !== "const")))
      throw new UnsupportedError(e.line, "an exception with arguments other than one constant");
    const detail = arg && arg.k === "const" ? str(this.units.constant(arg), this.heap) : "";
    return new PyException(name.id, detail);
  }

  // ---------------------------------------------------------------- names

  /** The mapping a name is stored in from this frame. */
  private scopeFor(name: string, frame: Frame): Map<string, PyObject> {
    if (frame.unit.globals.has(name)) return frame.globals;
    return frame.names;
  }

  private nameError(name: string, frame: Frame): PyException {
    if (frame.unit.kind === "function" && frame.unit.locals.has(name))
      return new PyException("UnboundLocalError", `local variable '${name}' referenced before assignment`);
    return new PyException(
      "NameError",
      this.rules.python2 ? `global name '${name}' is not defined` : `name '${name}' is not defined`,
    );
  }

  private loadName(e: Expr & { k: "name" }, borrowOk: boolean): void {
    const frame = this.frame;
    const unit = frame.unit;
    const fast =
      unit.kind !== "module" && unit.kind !== "class" && unit.locals.has(e.id) && !unit.globals.has(e.id);
    const owner = fast ? frame : unit.kind === "comprehension" ? this.inlinedOwner(e.id) : undefined;
    if (owner) {
      const o = owner.names.get(e.id);
      if (!o) throw this.nameError(e.id, owner);
      // LOAD_FAST_BORROW, or LOAD_FAST of a local that is itself borrowed (its DUP stays borrowed)
      const borrow = borrowOk && this.rules.borrowedLocalLoads && frame.handlers === 0 && !frame.handlerOnly;
      if (borrow || owner.borrowed.has(e.id)) frame.push(o, false);
      else frame.push(this.heap.incref(o));
      return;
    }
    const o =
      (unit.kind !== "function" && unit.kind !== "comprehension" ? frame.names.get(e.id) : undefined) ??
      frame.globals.get(e.id) ??
      this.builtins.lookup(e.id);
    if (!o) {
      if (isBuiltinName(e.id, this.rules.python2))
        throw new UnsupportedError(e.line, `the builtin '${e.id}'`);
      if (this.enclosingLocal(e.id))
        throw new UnsupportedError(e.line, `reading '${e.id}' from an enclosing function (a closure)`);
      throw this.nameError(e.id, frame);
    }
    frame.push(this.heap.incref(o));
  }

  /**
   * 3.12+ (PEP 709): an inlined comprehension's code is its function's, so a name of the function's
   * it reads is a fast local of that frame (LOAD_FAST), not a closure. The frame it belongs to, if so.
   */
  private inlinedOwner(name: string): Frame | undefined {
    if (this.rules.comprehensionScope !== "inlined") return undefined;
    for (let k = this.frames.length - 2; k >= 0; k--) {
      const f = this.frames[k] as Frame;
      if (f.unit.kind === "module" || f.unit.kind === "class" || f.unit.globals.has(name)) return undefined;
      if (f.unit.locals.has(name)) return f;
      if (f.unit.kind !== "comprehension") return undefined;
    }
    return undefined;
  }

  private enclosingLocal(name: string): boolean {
    return this.frames.slice(1, -1).some((f) => f.unit.locals.has(name));
  }

  // ---------------------------------------------------------------- expressions

  /**
   * Evaluates e and pushes one entry. `borrowOk`: the consumer only reads the value (3.14 may then
   * load a local borrowed); false when the value is stored, returned or put in a container.
   */
  eval(e: Expr, borrowOk = true): void {
    const frame = this.frame;
    switch (e.k) {
      case "const":
        this.pushConstant(e);
        return;
      case "name":
        this.loadName(e, borrowOk);
        return;
      case "tuple": {
        if (e.items.length === 0) {
          frame.push(this.heap.incref(this.heap.runtime.emptyTuple));
          return;
        }
        if (this.units.hasConstant(e)) {
          this.pushConstant(e);
          return;
        }
        this.tupleDisplay(e);
        return;
      }
      case "list":
        if (this.units.isConstantTuple(e)) {
          // iterated or searched: the compiler made it a constant tuple
          this.pushConstant(e);
          return;
        }
        if (this.units.buildsTuple(e)) {
          if (e.items.length === 0) frame.push(this.heap.incref(this.heap.runtime.emptyTuple));
          else this.tupleDisplay(e);
          return;
        }
        this.listDisplay(e);
        return;
      case "dict": {
        const operands = dictOperands(e);
        const from = firstBorrowable(operands);
        for (const [i, o] of operands.entries()) this.eval(o, i >= from);
        const pairs = e.keys.map(() => [frame.popOwned(), frame.popOwned()]).reverse();
        frame.push(
          this.heap.dict(
            pairs.map(([, k]) => k as PyObject),
            pairs.map(([v]) => v as PyObject),
          ),
        );
        return;
      }
      case "set":
        this.setDisplay(e);
        return;
      case "attribute":
        this.eval(e.object);
        this.loadAttribute(e.name, e.line);
        return;
      case "subscript":
        this.subscript(e);
        return;
      case "call":
        call(this, e);
        return;
      case "binary": {
        if (this.units.hasConstant(e)) {
          this.pushConstant(e);
          return;
        }
        const fstring = this.units.fstringOf(e); // 3.11+ `"..." % (a, b)`
        if (fstring) {
          this.eval(fstring, borrowOk);
          return;
        }
        this.eval(e.left, !endsBlock(e.right));
        this.eval(e.right);
        const [a, b] = [frame.top(1), frame.top()];
        let r: PyObject | undefined;
        if (e.op === "%" && (a.kind === "str" || a.kind === "bytes")) r = this.percentFormat(a, b, e.line);
        else r = binary(this.heap, e.op, a, b, this.rules.python2);
        if (!r) throw this.operandError(e.op, a, b, e.line);
        frame.drop();
        frame.drop();
        frame.push(r);
        return;
      }
      case "unary": {
        if (this.units.hasConstant(e)) {
          this.pushConstant(e);
          return;
        }
        this.eval(e.operand);
        const o = frame.top();
        let r: PyObject | undefined;
        if (e.op === "not")
          r = this.heap.incref(truthy(o) ? this.heap.runtime.false : this.heap.runtime.true);
        else if (e.op === "+" && (o.kind === "int" || o.kind === "float")) r = this.heap.incref(o);
        else r = unary(this.heap, e.op, o);
        if (!r) throw new UnsupportedError(e.line, `unary '${e.op}' on a ${typeName(o, this.rules.python2)}`);
        frame.drop();
        frame.push(r);
        return;
      }
      case "bool": {
        // JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP: the deciding operand stays on the stack
        for (let i = 0; i < e.values.length; i++) {
          this.eval(e.values[i] as Expr, false);
          if (i === e.values.length - 1) return;
          const t = truthy(frame.top());
          if (e.op === "and" ? !t : t) return;
          frame.drop();
        }
        return;
      }
      case "compare":
        this.compare(e);
        return;
      case "if":
        // the arm's value waits on the stack across the jump to the join: a strong load
        this.eval(this.truth(e.test) ? e.body : e.orelse, false);
        return;
      case "lambda":
        this.defineFunction(
          "<lambda>",
          e,
          e.params.positional.map((p) => p.default),
        );
        return;
      case "listcomp":
        this.listComprehension(e);
        return;
      case "fstring": {
        let text = "";
        for (const part of e.parts) {
          if (typeof part === "string") {
            text += part;
            continue;
          }
          this.eval(part.value);
          const o = frame.top();
          if (part.conversion && part.spec)
            throw new UnsupportedError(e.line, "a conversion with a format spec in an f-string");
          if (part.conversion === undefined) this.builtins.formatted(o, part.spec ?? "");
          else this.builtins.shown(o);
          const shown = part.conversion === "r" ? reprOf(o, this.heap) : str(o, this.heap);
          const field = `{${part.conversion ? `!${part.conversion}` : ""}${part.spec ? `:${part.spec}` : ""}}`;
          if (e.parts.length === 1 && returnedAsIs(field, o, this.rules.python2)) return; // f"{s}" is s
          if (e.parts.length === 1 && !part.spec) {
            // FORMAT_SIMPLE's str, PyObject_Str's own (a new one for an int, as str(5) is)
            const result = this.builtins.text(shown, o);
            frame.drop();
            frame.push(result);
            return;
          }
          if (part.spec) text += formatString(`{:${part.spec}}`, [o], this.heap, e.line);
          else text += shown;
          frame.drop();
        }
        frame.push(this.heap.str(text));
        return;
      }
      case "slice":
        throw new UnsupportedError(e.line, "a slice");
      case "starred":
        throw new UnsupportedError(e.line, "'*' here");
    }
  }

  /** LOAD_CONST: a new reference, or (3.15+) a borrowed one. */
  private pushConstant(e: Expr): void {
    const o = this.units.constant(e);
    if (this.rules.borrowedConstantLoads) this.frame.push(o, false);
    else this.frame.push(this.heap.incref(o));
  }

  /** BUILD_TUPLE of the items' values. */
  private tupleDisplay(e: Expr & { k: "list" | "set" | "tuple" }): void {
    const frame = this.frame;
    // BUILD_TUPLE takes each item's reference, a borrowed one with a new count (3.14+)
    const from = firstBorrowable(e.items);
    for (const [i, item] of e.items.entries()) this.eval(item, i >= from);
    const items = e.items.map(() => frame.popOwned()).reverse();
    frame.push(this.heap.tuple(items));
  }

  private listDisplay(e: Expr & { k: "list" | "set" | "tuple" }): void {
    const frame = this.frame;
    if (this.rules.constantListDisplay === "extend" && this.units.foldsListDisplay(e)) {
      // BUILD_LIST 0, LOAD_CONST (the folded tuple), LIST_EXTEND 1
      const list = this.heap.list([]);
      frame.push(list);
      const folded = this.units.constant(e);
      this.heap.extend(
        list,
        folded.items.map((i) => this.heap.incref(i)),
      );
      return;
    }
    const from = firstBorrowable(e.items);
    for (const [i, item] of e.items.entries()) this.eval(item, i >= from);
    const items = e.items.map(() => frame.popOwned()).reverse();
    frame.push(this.heap.list(items));
  }

  /**
   * {a, b, c}. BUILD_SET n makes the set once the items are on the stack, then adds them in order,
   * dropping each stack reference right after its add (measured on 2.7 too: {9, 1, 17} lists
   * 9, 17, 1 there, which only adding 9 first gives).
   * 3.9+ compile three or more constants to BUILD_SET 0, LOAD_CONST frozenset, SET_UPDATE 1: the
   * set takes the frozenset's keys in the frozenset's slot order (set_merge).
   */
  private setDisplay(e: Expr & { k: "list" | "set" | "tuple" }): void {
    const frame = this.frame;
    const sets = this.heap.sets;
    if (this.rules.constantListDisplay === "extend" && this.units.foldsListDisplay(e)) {
      const set = sets.create();
      frame.push(set);
      sets.merge(set, this.units.constant(e));
      return;
    }
    const from = firstBorrowable(e.items);
    for (const [i, item] of e.items.entries()) this.eval(item, i >= from);
    const items = e.items.map(() => frame.popOwned()).reverse();
    const set = sets.create();
    // an unhashable item stops the adds; every stack reference is dropped all the same
    let failure: unknown;
    for (const item of items) {
      if (failure === undefined)
        try {
          this.builtins.refuseUnhashable(item, e.line);
          sets.add(set, item);
        } catch (x) {
          failure = x;
        }
      this.heap.decref(item);
    }
    if (failure !== undefined) {
      this.heap.decref(set);
      throw failure;
    }
    frame.push(set);
  }

  /**
   * [element for target in iterable if cond]. ≤3.11: MAKE_FUNCTION, GET_ITER, then a call whose
   * frame holds the iterator as its argument `.0` and builds the list on its own stack. 3.12+ (PEP
   * 709): inline, the iterator and the list on the enclosing frame's stack, the target a hidden
   * local. Either way the iterator is released first, then the target's last value.
   */
  private listComprehension(e: Expr & { k: "listcomp" }): void {
    if (e.generators.length !== 1)
      throw new UnsupportedError(e.line, "a comprehension with more than one 'for'");
    const frame = this.frame;
    const g = e.generators[0] as (typeof e.generators)[number];
    const inlined = this.rules.comprehensionScope === "inlined";
    if (this.rules.comprehensionScope === "enclosing") {
      // 2.7: BUILD_LIST first, then the loop in the enclosing scope, storing into its variables
      frame.push(this.heap.list([]));
      this.eval(g.iter, !this.rules.virtualIterators);
      const nextItem = this.getIter(e.line);
      for (;;) {
        this.tick(e.line);
        const next = nextItem();
        if (!next) break;
        frame.push(next);
        this.store(g.target);
        if (g.ifs.every((c) => this.truth(c))) {
          this.eval(e.element, false);
          const item = frame.popOwned();
          this.heap.append(frame.top(1), item); // LIST_APPEND
        }
      }
      frame.drop(); // FOR_ITER lets go of the exhausted iterator
      return;
    }
    const fn = inlined ? undefined : this.heap.function("<listcomp>", () => undefined);
    if (fn) frame.push(fn);
    this.eval(g.iter, !this.rules.virtualIterators);
    const nextItem = this.getIter(e.line);
    const unit = this.units.unitOf(e);
    const locals = new Map<string, PyObject>();
    const it = inlined ? frame.top() : frame.popOwned();
    if (!inlined) locals.set(".0", it);
    const inner = new Frame(unit, locals, frame.globals, this.heap);
    inner.line = e.line; // what it allocates is the comprehension's line's
    if (inlined) {
      // its code is the enclosing code: inside a handler there, 3.14 borrows none of its loads either
      inner.handlers = frame.handlers;
      inner.handlerOnly = frame.handlerOnly;
    }
    if (!inlined) frameObjectMade(this, inner);
    const builder = inlined ? frame : inner;
    this.frames.push(inner);
    let result: PyObject;
    try {
      builder.push(this.heap.list([]));
      for (;;) {
        this.tick(e.line);
        const next = nextItem();
        if (!next) break;
        inner.push(next);
        this.store(g.target);
        if (g.ifs.every((c) => this.truth(c))) {
          this.eval(e.element, false);
          const item = inner.popOwned();
          this.heap.append(builder.top(), item);
        }
      }
      result = builder.popOwned();
      if (inlined) frame.drop(); // END_FOR: the iterator
    } catch (err) {
      inner.unwind(0);
      this.frames.pop();
      this.releaseLocals(inner);
      if (!inlined) frameObjectDone(this, inner);
      if (fn) frame.drop();
      throw err;
    }
    this.frames.pop();
    this.releaseLocals(inner);
    if (!inlined) frameObjectDone(this, inner);
    if (fn) frame.drop();
    frame.push(result);
  }

  /** A frame exits: its locals are released in slot order (parameters first), or in reverse (3.14+). */
  releaseLocals(frame: Frame): void {
    const slots = [...frame.unit.locals, ...frame.names.keys()];
    const order = [...new Set(slots)].filter((n) => frame.names.has(n));
    if (this.rules.localsReleased === "in-reverse-slot-order") order.reverse();
    const values = order.map((n) => [frame.names.get(n) as PyObject, !frame.borrowed.has(n)] as const);
    frame.names.clear();
    frame.borrowed.clear();
    for (const [v, owned] of values) if (owned) this.heap.decref(v);
  }

  private isFastLocal(name: string, frame: Frame): boolean {
    const unit = frame.unit;
    return (
      unit.kind !== "module" && unit.kind !== "class" && unit.locals.has(name) && !unit.globals.has(name)
    );
  }

  private compare(e: Expr & { k: "compare" }): void {
    const frame = this.frame;
    const chained = e.ops.length > 1;
    this.eval(e.left, !endsBlock(e.comparators[0] as Expr));
    for (let i = 0; i < e.ops.length; i++) {
      // in a chain, a middle operand is copied for the next comparison, across its jump: strong
      this.eval(e.comparators[i] as Expr, !chained || i === e.ops.length - 1);
      const [a, b] = [frame.top(1), frame.top()];
      const op = e.ops[i] as string;
      const result = this.compareValues(op, a, b, e.line);
      const last = i === e.ops.length - 1;
      if (last || !result) {
        frame.drop();
        frame.drop();
        frame.push(this.heap.incref(result ? this.heap.runtime.true : this.heap.runtime.false));
        return;
      }
      // chained: keep the right operand for the next comparison
      const right = frame.popOwned();
      frame.drop();
      frame.push(right);
    }
  }

  private compareValues(op: string, a: PyObject, b: PyObject, line: number): boolean {
    const partly = partlyKnown(a) || partlyKnown(b);
    if (partly && op !== "is" && op !== "is not" && (COUNTS_WITHIN.has(a) || COUNTS_WITHIN.has(b))) {
      const decided = compareWithin(op, a, b);
      if (decided === undefined) refuseUnknownCount(COUNTS_WITHIN.has(a) ? a : b);
      return decided as boolean;
    }
    if (
      partly &&
      op !== "is" &&
      op !== "is not" &&
      (COUNTS_KNOWN_FROM_BELOW.has(a) || COUNTS_KNOWN_FROM_BELOW.has(b))
    ) {
      const decided = compareCounts(op, a, b);
      if (decided === undefined)
        throw new UnsupportedError(
          line,
          "a comparison that depends on references the interpreter holds elsewhere",
        );
      return decided;
    }
    switch (op) {
      case "is":
        return a === b;
      case "is not":
        return a !== b;
      case "==":
        return equal(a, b);
      case "!=":
        return !equal(a, b);
      case "in":
      case "not in": {
        let found: boolean;
        if (b.kind === "list" || b.kind === "tuple") found = b.items.some((x) => x === a || equal(x, a));
        else if (b.kind === "dict") found = b.dictKeys.some((k) => equal(k, a));
        else if (b.kind === "set" || b.kind === "frozenset") {
          this.builtins.refuseUnhashable(a, line);
          found = this.heap.sets.contains(b, a);
        } else if (b.kind === "str" && a.kind === "str")
          found = (b.value as string).includes(a.value as string);
        else throw new UnsupportedError(line, `'in' on a ${typeName(b, this.rules.python2)}`);
        return op === "in" ? found : !found;
      }
      default: {
        const c = order(a, b);
        if (c === undefined) {
          if (this.rules.python2) throw new UnsupportedError(line, "Python 2's ordering of unlike types");
          throw new PyException(
            "TypeError",
            `'${op}' not supported between instances of '${typeName(a, false)}' and '${typeName(b, false)}'`,
          );
        }
        return op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
      }
    }
  }

  /**
   * A slice's bounds (ints or None, evaluated in order), clamped to a sequence of `n` items as
   * PySlice_AdjustIndices does for a step of 1. No step is modelled.
   */
  private sliceBounds(index: Expr & { k: "slice" }, n: number, line: number): [number, number] {
    const frame = this.frame;
    const bound = (e: Expr | undefined): bigint | undefined => {
      if (!e) return undefined;
      this.eval(e);
      const v = frame.top();
      if (v.kind !== "int" && v.kind !== "bool" && v.kind !== "none")
        throw new UnsupportedError(line, `a slice bound of type ${typeName(v, this.rules.python2)}`);
      frame.drop();
      return v.kind === "none" ? undefined : (v.value as bigint);
    };
    const [lower, upper] = [bound(index.lower), bound(index.upper)];
    const length = BigInt(n);
    const clamp = (v: bigint | undefined, dflt: bigint): number => {
      if (v === undefined) return Number(dflt);
      const w = v < 0n ? v + length : v;
      return Number(w < 0n ? 0n : w > length ? length : w);
    };
    const lo = clamp(lower, 0n);
    return [lo, Math.max(lo, clamp(upper, length))];
  }

  /**
   * x[a:b] of a list, tuple, str or bytes (list_slice, tupleslice, PyUnicode_Substring,
   * bytes_subscript; 2.7's SLICE opcodes): a new list of exactly the items; the object itself for
   * all of an immutable one; else a new object, through the empty and one-character caches. The slice
   * object 3.x builds comes from and goes back to the one-slot slice cache (see deleteSubscript).
   */
  private slice(e: Expr & { k: "subscript" }, index: Expr & { k: "slice" }): void {
    const frame = this.frame;
    const obj = frame.top();
    if (index.step) throw new UnsupportedError(e.line, "a slice with a step");
    const heap = this.heap;
    const text = obj.kind === "str" || obj.kind === "bytes";
    if (!text && obj.kind !== "list" && obj.kind !== "tuple")
      throw new UnsupportedError(e.line, `slicing a ${typeName(obj, this.rules.python2)}`);
    const chars = obj.kind === "str" ? [...(obj.value as string)] : [];
    const n = obj.kind === "str" ? chars.length : text ? (obj.value as string).length : obj.items.length;
    const [lo, hi] = this.sliceBounds(index, n, e.line);
    let r: PyObject;
    if (obj.kind === "list") r = heap.list(obj.items.slice(lo, hi).map((i) => heap.incref(i)));
    else if (lo === 0 && hi === n) r = heap.incref(obj);
    else if (obj.kind === "tuple")
      r =
        hi === lo
          ? heap.incref(heap.runtime.emptyTuple)
          : heap.tuple(obj.items.slice(lo, hi).map((i) => heap.incref(i)));
    else if (obj.kind === "str") r = heap.str(chars.slice(lo, hi).join(""));
    else r = heap.bytes((obj.value as string).slice(lo, hi));
    frame.drop();
    frame.push(r);
  }

  private subscript(e: Expr & { k: "subscript" }): void {
    const frame = this.frame;
    this.eval(e.object, !endsBlock(e.index));
    const obj = frame.top();
    if (e.index.k === "slice") {
      this.slice(e, e.index);
      return;
    }
    this.eval(e.index);
    const key = frame.top();
    let r: PyObject;
    if ((obj.kind === "list" || obj.kind === "tuple") && (key.kind === "int" || key.kind === "bool"))
      r = this.heap.incref(obj.items[this.index(obj, key)] as PyObject);
    else if (obj.kind === "str" && key.kind === "int")
      r = this.heap.str((obj.value as string)[this.index(obj, key)] as string);
    else if (obj.kind === "dict") {
      const i = obj.dictKeys.findIndex((k) => equal(k, key));
      if (i < 0) throw new PyException("KeyError", reprOf(key, this.heap));
      r = this.heap.incref(obj.dictValues[i] as PyObject);
    } else throw new UnsupportedError(e.line, `subscripting a ${typeName(obj, this.rules.python2)}`);
    frame.drop();
    frame.drop();
    frame.push(r);
  }

  /** LOAD_ATTR: replaces the object on top of the stack with its attribute. */
  loadAttribute(name: string, line: number): void {
    const frame = this.frame;
    const obj = frame.top();
    let r: PyObject | undefined;
    if (obj.kind === "instance") {
      r = this.heap.attribute(obj, name) ?? this.classAttribute(obj.cls as PyObject, name);
      if (r?.kind === "function" && !this.heap.attribute(obj, name))
        throw new UnsupportedError(line, "a bound method used as a value (not called at once)");
      if (!r && /^__.*__$/.test(name))
        throw new UnsupportedError(line, `the attribute '${name}' of an instance`);
      if (!r)
        throw new PyException(
          "AttributeError",
          `'${typeName(obj, this.rules.python2)}' object has no attribute '${name}'`,
        );
    } else if (obj.kind === "class") {
      if (name === "__name__") r = this.heap.str(obj.classSpec?.name ?? "");
      else r = this.classAttribute(obj, name);
      if (!r && /^__.*__$/.test(name)) throw new UnsupportedError(line, `the attribute '${name}' of a class`);
      if (!r)
        throw new PyException(
          "AttributeError",
          `type object '${obj.classSpec?.name}' has no attribute '${name}'`,
        );
    } else {
      frame.drop();
      frame.push(this.builtins.attribute(obj, name, line));
      return;
    }
    if (r.lifetime === "heap" || r.kind !== "str" || r.refcnt > 0) this.heap.incref(r);
    frame.drop();
    frame.push(r);
  }

  // ---------------------------------------------------------------- helpers

  private operandError(op: string, a: PyObject, b: PyObject, line: number): Error {
    const known = "int float str bytes list tuple dict set none bool instance".split(" ");
    if (known.includes(a.kind) && known.includes(b.kind) && !this.rules.python2)
      return new UnsupportedError(line, `'${op}' between ${typeName(a, false)} and ${typeName(b, false)}`);
    return new UnsupportedError(line, `'${op}' between these operands`);
  }

  /** fmt % args for a str or bytes fmt: a new object, or (3.x "%s" % s) the argument itself. */
  private percentFormat(fmt: PyObject, args: PyObject, line: number): PyObject {
    const only = args.kind === "tuple" ? (args.items.length === 1 ? args.items[0] : undefined) : args;
    if (fmt.kind === "str" && only && returnedAsIs(fmt.value as string, only, this.rules.python2))
      return this.heap.incref(only);
    const text = percentFormat(fmt.value as string, args, this.heap, line, this.builtins.shown);
    if (fmt.kind !== "str") return this.heap.bytes(text);
    // 2.7's PyString_Format builds its own str, never a cached one-character one
    return this.rules.python2 ? this.heap.newStr(text) : this.heap.str(text);
  }

  /** print() on 2.7 without the __future__ import is the print statement: refused unless one value. */
  get printFunction(): boolean {
    return this.module.printFunction || !this.rules.python2;
  }

  write(text: string): void {
    // a 2.7 str is bytes, written to stdout as they are; the model's output is text
    if (this.rules.python2 && /[\u0080-\uffff]/.test(text))
      throw new UnsupportedError(this.frame.line, "printing non-ASCII text on Python 2");
    this.out += text;
  }
}
