/*
 * Calls: how a call's callable and arguments are held and released, version by version. Python
 * functions (a new frame that takes or is given the caller's references), builtins (borrowed
 * arguments, and the argument tuple some types are called with), classes (type_call's tuple, 3.13's
 * specialized __init__), f(a, *b), and the frames an exception keeps alive. Each function takes the
 * interpreter as its CallHost.
 */
import type { ObjectHeap, PyObject } from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import type { Expr, Stmt } from "../frontend/ast.js";
import { callOperands, firstBorrowable } from "./blocks.js";
import type { Builtin, Builtins } from "./builtins.js";
import type { CodeUnit, CodeUnits } from "./code.js";
import { PyException } from "./exceptions.js";
import { Frame } from "./frame.js";
import type { VersionRules } from "./rules.js";
import { typeName } from "./values.js";

const NO_KEYWORDS: ReadonlyMap<string, PyObject> = new Map();

/**
 * Python calls inside one another that the model runs. CPython's limit is 1000 (sys.getrecursionlimit,
 * a RecursionError past it); the model's own stack is smaller, so it refuses deeper recursion
 * rather than fail.
 */
const MAX_CALL_DEPTH = 150;
/** A function made by def or lambda. */
export interface FunctionInfo {
  readonly node: Stmt | Expr;
  readonly defaults: readonly PyObject[];
}

/** What calls need of the interpreter. */
export interface CallHost {
  readonly heap: ObjectHeap;
  readonly rules: VersionRules;
  readonly builtins: Builtins;
  readonly units: CodeUnits;
  /** the running frame */
  readonly frame: Frame;
  readonly frames: Frame[];
  readonly functions: ReadonlyMap<PyObject, FunctionInfo>;
  /** call sites that ran at least once (3.13+ specializes some calls on their second run) */
  readonly executedSites: Set<Expr>;
  /** 2.7: frames kept by the exception a frame last handled, released when that frame exits */
  readonly heldUntilExit: Map<Frame, Frame[]>;
  returnValue: PyObject | undefined;
  eval(e: Expr, borrowOk?: boolean): void;
  execBlock(body: readonly Stmt[]): unknown;
  releaseLocals(frame: Frame): void;
  loadAttribute(name: string, line: number): void;
  classAttribute(cls: PyObject, name: string): PyObject | undefined;
  isClassic(cls: PyObject): boolean;
}

export function call(vm: CallHost, e: Expr & { k: "call" }): void {
  const frame = vm.frame;
  const f = e.func;
  const n = e.args.length;
  // obj.method(...): LOAD_METHOD pushes the function and self, with no bound method made
  if (f.k === "attribute") {
    // self waits on the stack while the arguments are evaluated
    vm.eval(f.object, firstBorrowable(callOperands(e).callee) === 0);
    const obj = frame.top();
    const method =
      obj.kind === "instance" && !vm.heap.attribute(obj, f.name)
        ? vm.classAttribute(obj.cls as PyObject, f.name)
        : undefined;
    if (method?.kind === "function") {
      const [self, owned] = frame.pop();
      frame.push(vm.heap.incref(method));
      frame.push(self, owned);
      // ≤3.6: the bound method LOAD_ATTR made, dropped by call_function once the arguments are in
      const bound = vm.rules.boundMethodObjects ? vm.heap.boundMethod([]) : undefined;
      try {
        pushArguments(vm, e, method);
      } finally {
        if (bound) vm.heap.decref(bound);
      }
      callPython(
        vm,
        method,
        n + 1,
        e.line,
        e.keywords.map((k) => k.name),
      );
      return;
    }
    const builtinMethod =
      obj.kind === "instance" || obj.kind === "builtin" ? undefined : vm.builtins.method(obj, f.name);
    if (builtinMethod) {
      // a method of a builtin type: self stays on the stack where the callable would be (≤3.6: in a
      // builtin method object, which lives until the call returns)
      const bound = vm.rules.boundMethodObjects ? vm.heap.builtinMethod() : undefined;
      try {
        pushArguments(vm, e, obj);
        callBuiltin(
          vm,
          builtinMethod,
          n,
          e.keywords.map((k) => k.name),
          e.line,
          undefined,
          n > 0 && vm.builtins.methodTakesArgumentTuple(obj, f.name),
        );
      } finally {
        if (bound) vm.heap.decref(bound);
      }
      return;
    }
    if (obj.kind !== "instance" && obj.kind !== "builtin" && obj.kind !== "class")
      throw new UnsupportedError(e.line, `the method ${typeName(obj, vm.rules.python2)}.${f.name}()`);
    vm.loadAttribute(f.name, f.line);
    // 2.7: C.m is an unbound method object, the callable until the call returns
    if (obj.kind === "class" && vm.rules.python2 && frame.top().kind === "function") {
      const unbound = vm.heap.boundMethod([]);
      try {
        callLoaded(vm, e);
      } finally {
        vm.heap.decref(unbound);
      }
      return;
    }
  } else vm.eval(f, firstBorrowable(callOperands(e).callee) === 0);
  callLoaded(vm, e);
}

/** The call of the callable on the top of the stack, its arguments not evaluated yet. */
function callLoaded(vm: CallHost, e: Expr & { k: "call" }): void {
  const frame = vm.frame;
  const n = e.args.length;
  const callee = frame.top();
  if (e.args.some((a) => a.k === "starred")) {
    callWithStarred(vm, e, callee);
    return;
  }
  pushArguments(vm, e, callee);
  const keywords = e.keywords.map((k) => k.name);
  if (callee.kind === "function") callPython(vm, callee, n, e.line, keywords);
  else if (callee.kind === "class") instantiate(vm, callee, n, e, keywords);
  else if (callee.kind === "builtin" || callee.kind === "method-wrapper")
    callBuiltin(vm, vm.builtins.function(callee, e.line), n, keywords, e.line, callee);
  else if (callee.kind === "weakref" && n === 0)
    callBuiltin(vm, () => vm.heap.weak.deref(callee), 0, keywords, e.line);
  else throw new PyException("TypeError", `'${typeName(callee, vm.rules.python2)}' object is not callable`);
}

/**
 * f(a, *b): a call with one tuple of every positional argument, built as each version's compiler
 * builds it. 3.9+: BUILD_LIST of the leading arguments, LIST_EXTEND / LIST_APPEND for the rest,
 * LIST_TO_TUPLE. 3.6 – 3.8: BUILD_TUPLE of the leading ones, then BUILD_TUPLE_UNPACK_WITH_CALL
 * (a list extended by each part, then a tuple). 2.7: CALL_FUNCTION_VAR builds one tuple. Only
 * builtins are called this way here.
 */
function callWithStarred(vm: CallHost, e: Expr & { k: "call" }, callee: PyObject): void {
  const frame = vm.frame;
  if (callee.kind !== "builtin" || e.keywords.length > 0)
    throw new UnsupportedError(e.line, "'*' arguments to anything but a builtin without keywords");
  const firstStar = e.args.findIndex((a) => a.k === "starred");
  if (vm.rules.python2 && firstStar !== e.args.length - 1)
    throw new UnsupportedError(e.line, "'*' before the last argument on 2.7");
  const heap = vm.heap;
  const leading = e.args.slice(0, firstStar);
  for (const a of leading) vm.eval(a, false);
  const first = leading.map(() => frame.popOwned()).reverse();
  const v = vm.heap.profile.python[0] * 100 + vm.heap.profile.python[1];
  let args: PyObject;
  if (v >= 309) {
    const list = heap.list(first);
    frame.push(list);
    for (const a of e.args.slice(firstStar)) {
      if (a.k === "starred") {
        vm.eval(a.value);
        heap.extend(list, starredItems(vm, frame.top(), a.line));
        frame.drop();
      } else {
        vm.eval(a, false);
        heap.append(list, frame.popOwned());
      }
    }
    args = heap.tuple(list.items.map((i) => heap.incref(i)));
    frame.drop();
  } else {
    const parts: PyObject[] = [];
    if (!vm.rules.python2) parts.push(heap.tuple(first));
    for (const a of e.args.slice(firstStar)) {
      if (a.k !== "starred") throw new UnsupportedError(a.line, "an argument after '*' before 3.9");
      vm.eval(a.value);
      parts.push(frame.popOwned());
    }
    if (vm.rules.python2) {
      const items = [...first, ...starredItems(vm, parts.at(-1) as PyObject, e.line)];
      args = heap.tuple(items);
    } else {
      const sum = heap.list([]);
      for (const p of parts) heap.extend(sum, starredItems(vm, p, e.line));
      args = heap.tuple(sum.items.map((i) => heap.incref(i)));
      heap.decref(sum);
    }
    for (const p of parts) heap.decref(p);
  }
  frame.push(args);
  const result = vm.builtins.function(callee, e.line)(args.items, new Map(), e.line);
  frame.drop();
  frame.drop();
  frame.push(result);
}

/** New references to the items of what follows a '*'. */
function starredItems(vm: CallHost, seq: PyObject, line: number): PyObject[] {
  if (seq.kind !== "tuple" && seq.kind !== "list") throw new UnsupportedError(line, `'*' of a ${seq.kind}`);
  return seq.items.map((i) => vm.heap.incref(i));
}

function pushArguments(vm: CallHost, e: Expr & { k: "call" }, callee: PyObject): void {
  // CALL only reads its arguments: 3.14 loads a local argument borrowed, whatever the callee, unless
  // a later argument jumps first (blocks.ts); before 3.14 every load counts
  const borrow = vm.rules.borrowedLocalLoads || (callee.kind !== "function" && callee.kind !== "class");
  const operands = callOperands(e).args;
  const from = firstBorrowable(operands);
  for (let i = 0; i < operands.length; i++) vm.eval(operands[i] as Expr, borrow && i >= from);
}

function callBuiltin(
  vm: CallHost,
  fn: Builtin,
  n: number,
  keywords: readonly string[],
  line: number,
  callee?: PyObject,
  // a callable called through tp_call (or METH_VARARGS) gets its arguments as a tuple, freed once it returns
  tupled = callee !== undefined && n > 0 && vm.builtins.takesArgumentTuple(callee),
): void {
  const frame = vm.frame;
  const total = n + keywords.length;
  const args = frame.stack.slice(frame.depth - total, frame.depth - keywords.length);
  const kw = new Map<string, PyObject>();
  keywords.forEach((name, i) => {
    kw.set(name, frame.stack[frame.depth - keywords.length + i] as PyObject);
  });
  const name = callee ? vm.builtins.qualifiedName(callee) : undefined;
  if (tupled && keywords.length > 0 && vm.rules.keywordsInDict(name))
    throw new UnsupportedError(
      line,
      `keyword arguments to ${name ?? "this method"}() (the dict that holds them)`,
    );
  const argumentTuple = tupled ? vm.heap.tuple(args.map((a) => vm.heap.incref(a))) : undefined;
  const result = fn(args, kw, line);
  if (argumentTuple) vm.heap.decref(argumentTuple);
  releaseCall(vm, total);
  frame.push(result);
}

/**
 * A call made by C code with borrowed arguments (map calling its function), a new reference back.
 * `tupled`: the caller passes them in a tuple it makes (2.7's map, 3.6's map_next); undefined: a
 * vectorcall, which makes a tuple only for a callee called through tp_call.
 */
export function callFromC(
  vm: CallHost,
  callee: PyObject,
  args: readonly PyObject[],
  line: number,
  tupled = args.length > 0 && vm.builtins.takesArgumentTuple(callee),
): PyObject {
  const heap = vm.heap;
  const tuple = tupled ? heap.tuple(args.map((a) => heap.incref(a))) : undefined;
  try {
    if (callee.kind === "function") return invoke(vm, callee, [...args], [], undefined, line);
    if (callee.kind === "builtin" || callee.kind === "method-wrapper")
      return vm.builtins.function(callee, line)(args, NO_KEYWORDS, line);
    if (callee.kind === "class") throw new UnsupportedError(line, "a class called from C (map over a class)");
    throw new PyException("TypeError", `'${typeName(callee, vm.rules.python2)}' object is not callable`);
  } finally {
    if (tuple) heap.decref(tuple);
  }
}

/** After a call: the callable and its arguments leave the stack, in each version's order. */
function releaseCall(vm: CallHost, total: number): void {
  const frame = vm.frame;
  if (vm.rules.argumentsMovedIntoFrame) {
    // 3.11+: the callable first, then the arguments in order
    const base = frame.depth - total - 1;
    const entries = frame.stack.splice(base);
    const owned = frame.owned.splice(base);
    entries.forEach((o, i) => {
      if (owned[i]) vm.heap.decref(o);
    });
  } else for (let i = 0; i <= total; i++) frame.drop(); // ≤3.10: popped from the top
}

/** Calls a Python function whose callable and `n` positional arguments (then keywords) are on the stack. */
function callPython(
  vm: CallHost,
  fn: PyObject,
  n: number,
  line: number,
  keywords: readonly string[] = [],
): void {
  const caller = vm.frame;
  const total = n + keywords.length;
  const base = caller.depth - total;
  const args = caller.stack.slice(base);
  // 3.11+ moves the stack's references (the callable's too) into the new frame; ≤3.10 the frame
  // takes new ones and the caller pops its own after the call
  const moved = vm.rules.argumentsMovedIntoFrame;
  let transfer: boolean[] | undefined;
  // 3.14+ may have loaded the callable borrowed (LOAD_FAST_BORROW of a local): then no reference of
  // the stack's is the frame's to release
  const calleeOwned = caller.owned[base - 1] !== false;
  if (moved) {
    transfer = caller.owned.slice(base);
    caller.stack.splice(base - 1);
    caller.owned.splice(base - 1);
  }
  let result: PyObject;
  try {
    result = invoke(vm, fn, args, keywords, transfer, line);
  } finally {
    if (moved) {
      if (calleeOwned) vm.heap.decref(fn);
    } else releaseCall(vm, total);
  }
  caller.push(result);
}

/**
 * Runs a Python function with `args` (positional, then the values of `keywords`) and returns its
 * result (a new reference). transfer[i]: the frame takes over the caller's reference to args[i];
 * otherwise (or when transfer is undefined) it takes a new one.
 */
export function invoke(
  vm: CallHost,
  fn: PyObject,
  args: readonly PyObject[],
  keywords: readonly string[],
  transfer: readonly boolean[] | undefined,
  line: number,
): PyObject {
  const info = vm.functions.get(fn);
  const giveBack = () => {
    transfer?.forEach((t, i) => {
      if (t) vm.heap.decref(args[i] as PyObject);
    });
  };
  if (!info) {
    giveBack();
    throw new UnsupportedError(line, "calling this function");
  }
  if (vm.frames.length > MAX_CALL_DEPTH) {
    giveBack();
    throw new UnsupportedError(line, `calls nested more than ${MAX_CALL_DEPTH} deep`);
  }
  const unit = vm.units.unitOf(info.node);
  const params = unit.params.positional;
  const n = args.length - keywords.length;
  const name = info.node.k === "def" ? info.node.name : "<lambda>";
  const slots: number[] = new Array(params.length).fill(-1);
  let problem: PyException | undefined;
  if (n > params.length)
    problem = new PyException(
      "TypeError",
      `${name}() takes ${params.length} positional argument${params.length === 1 ? "" : "s"} but ${n} were given`,
    );
  for (let i = 0; i < args.length && !problem; i++) {
    const at = i < n ? i : params.findIndex((p) => p.name === keywords[i - n]);
    if (at < 0)
      problem = new PyException(
        "TypeError",
        `${name}() got an unexpected keyword argument '${keywords[i - n]}'`,
      );
    else slots[at] = i;
  }
  const firstDefault = params.length - info.defaults.length;
  params.forEach((p, i) => {
    if (!problem && slots[i] === -1 && i < firstDefault)
      problem = new PyException("TypeError", `${name}() missing 1 required positional argument: '${p.name}'`);
  });
  if (problem) {
    giveBack();
    throw problem;
  }
  const locals = new Map<string, PyObject>();
  const borrowedParams: string[] = [];
  params.forEach((p, i) => {
    const at = slots[i] as number;
    if (at >= 0) {
      const v = args[at] as PyObject;
      if (transfer === undefined) locals.set(p.name, vm.heap.incref(v));
      else {
        locals.set(p.name, v); // moved; a borrowed stack reference stays borrowed (3.14)
        if (!transfer[at]) borrowedParams.push(p.name);
      }
    } else locals.set(p.name, vm.heap.incref(info.defaults[i - firstDefault] as PyObject));
  });
  const frame = new Frame(unit, locals, vm.frame.globals, vm.heap);
  frameObjectMade(vm, frame);
  for (const name of borrowedParams) frame.borrowed.add(name);
  vm.frames.push(frame);
  let raised: PyException | undefined;
  try {
    if (info.node.k === "lambda") {
      frame.line = info.node.line; // a lambda runs no statement that would say where it is
      vm.eval(info.node.body, false);
      return frame.popOwned();
    }
    const saved = vm.returnValue;
    vm.returnValue = undefined;
    vm.execBlock((info.node as Stmt & { k: "def" }).body);
    const result = vm.returnValue ?? vm.heap.incref(vm.heap.runtime.none);
    vm.returnValue = saved;
    return result;
  } catch (e) {
    if (e instanceof PyException) raised = e;
    throw e;
  } finally {
    frame.unwind(0);
    vm.frames.pop();
    // the traceback keeps a frame an exception left until the exception is let go of
    if (raised) raised.heldFrames.push(frame);
    else exitFrame(vm, frame);
  }
}

/** Code objects whose last frame is kept for their next call (co_zombieframe, ≤3.10). */
const ZOMBIE_FRAME_KEPT = new WeakSet<CodeUnit>();

/**
 * Up to 3.10 (2.7 too) code runs in a frame object: PyObject_GC_NewVar'd (the collector counts it;
 * pymalloc or malloc serves it by its size, which the code's stack depth decides), and a code
 * object keeps its last frame (co_zombieframe) for its next run. A frame that finds that one
 * taken comes from the frame free list, which start-up filled, and goes back to it when done.
 * The model makes no frame objects: a run that takes its code's kept frame changes nothing, and
 * any other frame is memory the model cannot place (Objects/frameobject.c, frame_dealloc and
 * _PyFrame_New_NoTrack @ 3.10; measured: a first call adds one to gc.get_count()[0] on 3.6 –
 * 3.10, a second call nothing).
 */
export function frameObjectMade(vm: CallHost, frame: Frame): void {
  if (!vm.rules.zombieFrames) return;
  if (ZOMBIE_FRAME_KEPT.delete(frame.unit)) return;
  vm.builtins.unmodelledAllocation("pymalloc", "a new frame object (up to 3.10 a code object keeps one)", 1);
}

/** A frame object is let go of (see frameObjectMade): kept by its code, or not. */
export function frameObjectDone(vm: CallHost, frame: Frame): void {
  if (!vm.rules.zombieFrames) return;
  if (!ZOMBIE_FRAME_KEPT.has(frame.unit)) ZOMBIE_FRAME_KEPT.add(frame.unit);
  else vm.builtins.unmodelledAllocation("pymalloc", "a frame object its code does not keep", 1);
}

/** A function's frame is done: its locals go, and (2.7) the exceptions it handled with them. */
export function exitFrame(vm: CallHost, frame: Frame): void {
  vm.releaseLocals(frame);
  frameObjectDone(vm, frame);
  const held = vm.heldUntilExit.get(frame);
  if (held) {
    vm.heldUntilExit.delete(frame);
    for (const f of held) exitFrame(vm, f);
  }
}

/**
 * An exception was handled: 3.x lets go of it (and of the frames its traceback holds) when the
 * except block ends; 2.7 keeps it as the handling frame's exception until that frame exits.
 */
export function letGo(vm: CallHost, e: PyException, handler: Frame): void {
  const frames = e.heldFrames.splice(0);
  if (!vm.rules.python2) {
    for (const f of frames) exitFrame(vm, f);
    return;
  }
  const previous = vm.heldUntilExit.get(handler) ?? [];
  vm.heldUntilExit.set(handler, frames);
  for (const f of previous) exitFrame(vm, f);
}

/**
 * C(args). Generic path (type_call): the caller's arguments go into a new args tuple, tp_new makes
 * the instance, slot_tp_init calls __init__ whose frame takes new references; the tuple dies after.
 * 3.13+: a call site that already ran once is specialized (CALL_ALLOC_AND_ENTER_INIT): no tuple,
 * the stack's references move into __init__'s frame, and a shim frame holds the instance meanwhile.
 */
function instantiate(vm: CallHost, cls: PyObject, n: number, site: Expr, keywords: readonly string[]): void {
  const frame = vm.frame;
  const line = site.line;
  if (keywords.length > 0) throw new UnsupportedError(line, "keyword arguments to a class");
  const init = vm.classAttribute(cls, "__init__");
  if (!init) {
    if (n > 0) throw new PyException("TypeError", `${cls.classSpec?.name}() takes no arguments`);
    const self = newInstance(vm, cls);
    releaseCall(vm, 0);
    frame.push(self);
    return;
  }
  const specialized = vm.rules.specializedInit && vm.executedSites.has(site);
  vm.executedSites.add(site);
  if (specialized) {
    const base = frame.depth - n;
    const args = frame.stack.slice(base);
    const owned = frame.owned.slice(base);
    frame.stack.splice(base - 1);
    frame.owned.splice(base - 1);
    vm.heap.decref(cls);
    const self = newInstance(vm, cls);
    vm.heap.incref(self); // the shim frame's reference
    let result: PyObject;
    try {
      result = invoke(vm, init, [self, ...args], [], [true, ...owned], line);
    } catch (err) {
      vm.heap.decref(self);
      throw err;
    }
    checkInitResult(vm, result, self);
    frame.push(self);
    return;
  }
  const args = frame.stack.slice(frame.depth - n);
  // 2.7's call_function pops the arguments into the tuple (load_args); 3.x copies them
  const tuple = vm.heap.tuple(
    args.map((a, i) => (vm.rules.python2 ? stealEntry(frame, i - n, a) : vm.heap.incref(a))),
  );
  const self = newInstance(vm, cls);
  let result: PyObject;
  try {
    result = callSlotMethod(vm, init, self, args, line);
  } catch (err) {
    vm.heap.decref(self);
    vm.heap.decref(tuple);
    throw err;
  }
  vm.heap.decref(tuple);
  checkInitResult(vm, result, self);
  releaseCall(vm, n);
  frame.push(self);
}

/** _PY_FASTCALL_SMALL_STACK (3.6): arguments _PyObject_Call_Prepend keeps on the C stack. */
const FASTCALL_SMALL_STACK = 5;

/**
 * A method CPython calls for a slot (__init__ from slot_tp_init, __del__ from slot_tp_finalize, and
 * 2.7's classic instances alike). ≤3.6 look it up as a bound method (lookup_method), which holds
 * the function, self and 2.7's class until the call returns; calling it, 2.7's instancemethod_call
 * puts self before the arguments in a new tuple, 3.6's method_call in a C array (on the C stack for
 * up to four arguments, else PyMem_Malloc'd: _PY_FASTCALL_SMALL_STACK). Measured: getrefcount(self)
 * in __init__ and __del__ is 5 on 2.7.18, 4 on 3.6.15, 3 on 3.7.16.
 */
export function callSlotMethod(
  vm: CallHost,
  fn: PyObject,
  self: PyObject,
  args: readonly PyObject[],
  line: number,
): PyObject {
  if (!vm.rules.boundMethodObjects) return invoke(vm, fn, [self, ...args], [], undefined, line);
  const heap = vm.heap;
  const cls = self.cls as PyObject;
  const bound = heap.boundMethod(vm.rules.python2 ? [fn, self, cls] : [fn, self]);
  const prepended = vm.rules.python2 ? heap.tuple([self, ...args].map((a) => heap.incref(a))) : undefined;
  const array =
    !vm.rules.python2 && args.length + 1 > FASTCALL_SMALL_STACK
      ? heap.pm.memMalloc((args.length + 1) * heap.profile.pointerSize)
      : 0;
  try {
    return invoke(vm, fn, [self, ...args], [], undefined, line);
  } finally {
    if (array) heap.pm.memFree(array);
    if (prepended) heap.decref(prepended);
    heap.decref(bound);
  }
}

/** The reference the stack entry `offset` from the top holds, which now belongs to the caller. */
function stealEntry(frame: Frame, offset: number, o: PyObject): PyObject {
  const at = frame.depth + offset;
  if (!frame.owned[at]) return frame.heap.incref(o);
  frame.owned[at] = false;
  return o;
}

function newInstance(vm: CallHost, cls: PyObject): PyObject {
  const self = vm.heap.instance(cls);
  if (vm.isClassic(cls)) vm.heap.dicts.instanceDict(self); // instance_new makes in_dict at once
  return self;
}

/** __init__ must return None; its result is dropped. */
function checkInitResult(vm: CallHost, result: PyObject, self: PyObject): void {
  const notNone = result.kind !== "none";
  vm.heap.decref(result);
  if (notNone) {
    vm.heap.decref(self);
    throw new PyException("TypeError", "__init__() should return None");
  }
}
