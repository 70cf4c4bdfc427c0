/*
 * What the compiler decides before anything runs: the code units of a module (the module itself,
 * each def, lambda, class body and, before 3.12, each list comprehension), which names of a
 * function are its locals, and the constants each unit holds (co_consts).
 *
 * Constants are made before the program starts, as CPython's compiler makes them. Each one the
 * program can count starts with the references CPython gives it (see VersionRules): the AST arena's
 * and one per code object whose co_consts holds it. Constants the runtime shares (small ints, None,
 * one-character and identifier-like strings, which the compiler interns) come from the runtime.
 */
import type { ObjectHeap, PyObject } from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import type { Constant, Expr, Module, Parameters, Stmt, Target } from "../frontend/ast.js";
import { foldConstant } from "./fold.js";
import { asFStringParts, percentAsFString } from "./percent-as-fstring.js";
import type { VersionRules } from "./rules.js";

export type UnitKind = "module" | "function" | "class" | "comprehension";

export interface CodeUnit {
  readonly kind: UnitKind;
  readonly name: string;
  /** a function's fast locals (parameters first); empty for module and class bodies */
  readonly locals: ReadonlySet<string>;
  /** names declared `global` */
  readonly globals: ReadonlySet<string>;
  readonly params: Parameters;
  /** the unit whose code defines this one (undefined for the module) */
  readonly enclosing?: CodeUnit | undefined;
}

type Node = Stmt | Expr;

export class CodeUnits {
  /** def, lambda, class and (≤3.11) comprehension nodes → their unit */
  private readonly units = new Map<Node, CodeUnit>();
  /** the object each constant expression loads */
  private readonly constants = new Map<Expr, PyObject>();
  readonly module: CodeUnit;

  constructor(
    module: Module,
    private readonly heap: ObjectHeap,
    private readonly rules: VersionRules,
  ) {
    this.module = {
      kind: "module",
      name: "<module>",
      locals: new Set(),
      globals: new Set(),
      params: { positional: [] },
    };
    this.current = this.module;
    const moduleCache = new Map<string, PyObject>();
    this.visitUnit(module.body, moduleCache);
    // compiled from an ast object (Pyodide): the folded tuples' arena is gone before the code runs
    if (!rules.foldedTupleHeldWhileRunning) for (const t of this.foldedTuples.splice(0)) heap.decref(t);
  }

  /** the unit the walk is in */
  private current: CodeUnit;
  /** the tuples the AST optimizer folded, each holding the arena's reference */
  private readonly foldedTuples: PyObject[] = [];
  /** the `%` operations compiled as f-strings (fstringOf) */
  private readonly fstrings = new Map<Expr, Expr>();
  /** each unary or binary expression's folded value (null: not folded) */
  private readonly foldedValues = new Map<Expr, Constant | null>();
  /** list displays the compiler builds as a tuple (iterated by `for`, searched by `in`) */
  private readonly tupleDisplays = new Set<Expr>();
  /** list displays the compiler makes a constant tuple (iterated by `for`, searched by `in`) */
  private readonly constantTupleDisplays = new Set<Expr>();

  /** `"..." % (a, b)` compiled as an f-string (3.11+, rules.percentFormatAsFString): that f-string. */
  fstringOf(e: Expr): Expr | undefined {
    return this.fstrings.get(e);
  }

  private percentAsFString(e: Expr & { k: "binary" }): Expr | undefined {
    const mode = this.rules.percentFormatAsFString;
    const { left, right } = e;
    if (e.op !== "%" || mode === "never" || left.k !== "const" || left.value.type !== "str") return;
    if (right.k !== "tuple" || right.items.some((i) => i.k === "starred")) return;
    const constantTuple = right.items.length > 0 && right.items.every((i) => this.valueOf(i) !== undefined);
    if (mode === "non-constant-tuple" && constantTuple) return;
    const parts = percentAsFString(left.value.value, right.items);
    const runnable = parts && asFStringParts(parts);
    if (typeof runnable === "string") throw new UnsupportedError(e.line, runnable);
    return runnable ? { line: e.line, k: "fstring", parts: runnable } : undefined;
  }

  /** Does `e` load a constant (a literal, a folded expression or display)? */
  hasConstant(e: Expr): boolean {
    return this.constants.has(e);
  }

  /** Is this list display built as a tuple (3.7+ `for x in [a, b]`, `x in [a, b]`)? */
  buildsTuple(e: Expr): boolean {
    return this.tupleDisplays.has(e);
  }

  /** Is this list display a constant tuple (`for x in [1.5, 2.5]`, `x in [1.5, 2.5]`)? */
  isConstantTuple(e: Expr): boolean {
    return this.constantTupleDisplays.has(e);
  }

  /** A list display the compiler folds (3.9+): three or more items, all constants. */
  foldsListDisplay(e: { readonly items: readonly Expr[] }): boolean {
    return e.items.length >= 3 && e.items.every((i) => this.valueOf(i) !== undefined);
  }

  /** The constant value of a literal or of an expression the compiler folds (fold.ts). */
  private valueOf(e: Expr): Constant | undefined {
    if (e.k === "const") return this.asCompiled(e.value);
    if (e.k !== "unary" && e.k !== "binary") return undefined;
    const known = this.foldedValues.get(e);
    if (known !== undefined) return known ?? undefined;
    const stage = this.rules.constantFolding;
    const v = foldConstant(e, { python2: this.rules.python2, stage }, (x) => this.valueOf(x));
    this.foldedValues.set(e, v ?? null);
    if (!v && e.k === "binary") {
      // tuple arithmetic on constants, which the compiler folds too: not computed here
      const tupleOfConstants = (x: Expr) => x.k === "tuple" && x.items.every((i) => this.valueOf(i));
      const side = (x: Expr) => tupleOfConstants(x) || this.valueOf(x) !== undefined;
      // (a str formatted with `%` is never folded: safe_mod, Python/ast_opt.c)
      const formatting = e.op === "%" && e.left.k === "const" && e.left.value.type === "str";
      if (
        !formatting &&
        (tupleOfConstants(e.left) || tupleOfConstants(e.right)) &&
        side(e.left) &&
        side(e.right)
      )
        throw new UnsupportedError(e.line, "a constant expression the compiler folds (tuple arithmetic)");
    }
    return v;
  }

  unitOf(node: Node): CodeUnit {
    const u = this.units.get(node);
    if (!u) throw new Error("internal: no code unit for this node");
    return u;
  }

  constant(e: Expr): PyObject {
    const o = this.constants.get(e);
    if (!o) throw new Error("internal: no constant for this node");
    return o;
  }

  // ---------------------------------------------------------------- the walk

  private visitUnit(
    body: readonly Stmt[] | Expr,
    moduleCache: Map<string, PyObject>,
    enclosingHeld?: Set<PyObject>,
  ): void {
    const cache = this.rules.mergeConstantsAcrossCode ? moduleCache : new Map<string, PyObject>();
    // the constants this unit's code object holds (an inlined unit shares its enclosing one's)
    const held = enclosingHeld ?? new Set<PyObject>();
    const visitExpr = (e: Expr | undefined): void => {
      if (!e) return;
      switch (e.k) {
        case "const":
          this.constants.set(e, this.makeConstant(e.value, cache, held));
          return;
        case "name":
          if (this.readsClosure(this.current, e.id))
            throw new UnsupportedError(e.line, `reading '${e.id}' from an enclosing function (a closure)`);
          return;
        case "unary":
        case "binary": {
          const fstring = e.k === "binary" ? this.percentAsFString(e) : undefined;
          if (fstring) {
            this.fstrings.set(e, fstring);
            visitExpr(fstring);
            return;
          }
          const v = this.valueOf(e);
          if (v) {
            this.constants.set(e, this.foldedConstant(e, v, cache, held, visitExpr));
            return;
          }
          if (e.k === "unary") visitExpr(e.operand);
          else {
            visitExpr(e.left);
            visitExpr(e.right);
          }
          return;
        }
        case "tuple":
          if (e.items.length > 0 && e.items.every((i) => this.valueOf(i) !== undefined)) {
            this.constants.set(e, this.constantTuple(e, cache, held));
            return;
          }
          e.items.forEach(visitExpr);
          return;
        case "list":
          if (this.rules.constantListDisplay === "extend" && this.foldsListDisplay(e)) {
            this.constants.set(e, this.constantTuple(e, cache, held, false));
            return;
          }
          e.items.forEach(visitExpr);
          return;
        case "set":
          if (this.rules.constantListDisplay === "extend" && this.foldsListDisplay(e)) {
            this.constants.set(e, this.constantFrozenset(e, cache, held));
            return;
          }
          e.items.forEach(visitExpr);
          return;
        case "dict":
          e.keys.forEach(visitExpr);
          e.values.forEach(visitExpr);
          return;
        case "attribute":
          visitExpr(e.object);
          return;
        case "subscript":
          visitExpr(e.object);
          visitExpr(e.index);
          return;
        case "slice":
          visitExpr(e.lower);
          visitExpr(e.upper);
          visitExpr(e.step);
          return;
        case "call":
          visitExpr(e.func);
          e.args.forEach(visitExpr);
          for (const k of e.keywords) visitExpr(k.value);
          return;
        case "bool":
          e.values.forEach(visitExpr);
          return;
        case "compare":
          visitExpr(e.left);
          // fold_compare (3.7+), and the peephole optimizers before it, see only the last
          // comparison: a list searched in the middle of a chain stays a list
          e.comparators.forEach((c, i) => {
            const op = e.ops[i];
            const last = i === e.comparators.length - 1;
            if (last && (op === "in" || op === "not in") && c.k === "list") visitIterated(c, true);
            else if (last && (op === "in" || op === "not in") && c.k === "set") refuseFrozenDisplay(c);
            else visitExpr(c);
          });
          return;
        case "if":
          visitExpr(e.test);
          visitExpr(e.body);
          visitExpr(e.orelse);
          return;
        case "lambda":
          for (const p of e.params.positional) visitExpr(p.default);
          this.newUnit(e, "function", "<lambda>", e.params, e.body, moduleCache);
          return;
        case "listcomp":
          // The outermost iterable is evaluated in the enclosing scope.
          visitIterable(e.generators[0]?.iter);
          if (this.rules.comprehensionScope === "enclosing") {
            // 2.7 compiles it into the enclosing code: no code object of its own
            visitExpr(e.element);
            e.generators.forEach((g, i) => {
              if (i > 0) visitIterable(g.iter);
              g.ifs.forEach(visitExpr);
            });
            return;
          }
          // 3.12+ (PEP 709) runs it inline: its constants are the enclosing code object's
          this.newUnit(
            e,
            "comprehension",
            "<listcomp>",
            { positional: this.rules.comprehensionScope === "inlined" ? [] : [{ name: ".0" }] },
            e,
            moduleCache,
            this.rules.comprehensionScope === "inlined" ? held : undefined,
          );
          return;
        case "fstring":
          // its literal text is constants too (LOAD_CONST before BUILD_STRING)
          for (const p of e.parts)
            if (typeof p !== "string") visitExpr(p.value);
            else this.makeConstant({ type: "str", value: p }, cache, held);
          return;
        case "starred":
          visitExpr(e.value);
          return;
      }
    };
    // a list display iterated by `for` or searched by `in`: a tuple, constant or built (rules.ts)
    const visitIterated = (list: Expr & { k: "list" | "set" | "tuple" }, searched: boolean): void => {
      const rule = this.rules.listIteratedAsTuple;
      const constant = list.items.length > 0 && list.items.every((i) => this.valueOf(i) !== undefined);
      // Pyodide's 3.14.2 and 3.15.0 count the first item once more (getrefcount 4, the rest 3; on
      // 3.15 every item of one a comprehension iterates): which constants the CFG keeps is not modelled
      if (constant && !searched && this.rules.constantFolding === "cfg")
        throw new UnsupportedError(list.line, "iterating a list display of constants on 3.14+");
      if (constant && (rule !== "constant-in" || searched)) {
        this.constants.set(list, this.constantTuple(list, cache, held));
        this.constantTupleDisplays.add(list);
        return;
      }
      if (rule === "any") this.tupleDisplays.add(list);
      visitExpr(list);
    };
    // a set display of constants iterated or searched: 3.x compile a frozenset constant instead
    // (fold_iter and fold_compare, 3.6's peephole); 2.7 builds the set
    const refuseFrozenDisplay = (set: Expr & { k: "list" | "set" | "tuple" }): void => {
      if (!this.rules.python2 && set.items.every((i) => this.valueOf(i) !== undefined))
        throw new UnsupportedError(
          set.line,
          "a set display of constants iterated or searched by 'in' (3.x: a frozenset constant)",
        );
      visitExpr(set);
    };
    // what `for` and a comprehension's `for` iterate: fold_iter (3.7+), GET_ITER's peephole (3.6)
    const visitIterable = (e: Expr | undefined): void => {
      if (e?.k === "list") visitIterated(e, false);
      else if (e?.k === "set") refuseFrozenDisplay(e);
      else visitExpr(e);
    };
    const visitStmt = (s: Stmt): void => {
      switch (s.k) {
        case "expr":
          visitExpr(s.value);
          return;
        case "assign":
          s.targets.forEach(visitExpr);
          visitExpr(s.value);
          return;
        case "augassign":
          visitExpr(s.target);
          visitExpr(s.value);
          return;
        case "del":
          s.targets.forEach(visitExpr);
          return;
        case "return":
          visitExpr(s.value);
          return;
        case "if":
        case "while":
          visitExpr(s.test);
          s.body.forEach(visitStmt);
          s.orelse.forEach(visitStmt);
          return;
        case "for":
          visitExpr(s.target);
          visitIterable(s.iter);
          s.body.forEach(visitStmt);
          s.orelse.forEach(visitStmt);
          return;
        case "def":
          for (const p of s.params.positional) visitExpr(p.default);
          this.newUnit(s, "function", s.name, s.params, s.body, moduleCache);
          return;
        case "class":
          s.bases.forEach(visitExpr);
          this.newUnit(s, "class", s.name, { positional: [] }, s.body, moduleCache);
          return;
        case "raise":
          visitExpr(s.exception);
          return;
        case "try":
          s.body.forEach(visitStmt);
          for (const h of s.handlers) {
            visitExpr(h.type);
            h.body.forEach(visitStmt);
          }
          s.orelse.forEach(visitStmt);
          s.finally.forEach(visitStmt);
          return;
        default:
          return;
      }
    };
    if (Array.isArray(body)) (body as readonly Stmt[]).forEach(visitStmt);
    else {
      const e = body as Expr;
      if (e.k === "listcomp" && this.current.kind === "comprehension") {
        visitExpr(e.element);
        e.generators.forEach((g, i) => {
          if (i > 0) visitIterable(g.iter);
          g.ifs.forEach(visitExpr);
        });
      } else visitExpr(e);
    }
  }

  private newUnit(
    node: Node,
    kind: UnitKind,
    name: string,
    params: Parameters,
    body: readonly Stmt[] | Expr,
    moduleCache: Map<string, PyObject>,
    enclosingHeld?: Set<PyObject>,
  ): void {
    const globals = new Set<string>();
    const locals = new Set<string>(params.positional.map((p) => p.name));
    if (kind !== "class")
      collectLocals(
        body,
        locals,
        globals,
        this.rules.comprehensionScope === "enclosing",
        kind === "comprehension",
      );
    const enclosing = this.current;
    const unit: CodeUnit = {
      kind,
      name,
      locals: kind === "class" ? new Set() : locals,
      globals,
      params,
      enclosing,
    };
    this.units.set(node, unit);
    this.current = unit;
    this.visitUnit(body, moduleCache, enclosingHeld);
    this.current = enclosing;
  }

  /**
   * Does `reader` read `name` from an enclosing function's scope (LOAD_DEREF of a cell, Python/
   * symtable.c, analyze_name)? Class bodies are not enclosing scopes; a 3.12+ inlined comprehension
   * is part of its function's code, so its function's names are its own fast locals (PEP 709).
   */
  private readsClosure(reader: CodeUnit, name: string): boolean {
    if (reader.kind === "module" || reader.kind === "class") return false;
    if (reader.locals.has(name) || reader.globals.has(name)) return false;
    const inlined = this.rules.comprehensionScope === "inlined";
    let sameCode = inlined && reader.kind === "comprehension";
    for (let e = reader.enclosing; e && e.kind !== "module"; e = e.enclosing) {
      if (e.kind !== "class" && e.locals.has(name) && !e.globals.has(name)) return !sameCode;
      sameCode &&= inlined && e.kind === "comprehension";
      if (e.kind === "function") sameCode = false;
    }
    return false;
  }

  // ---------------------------------------------------------------- constants

  /**
   * The object a folded expression loads. 2.7: a sign written before a number is part of the
   * literal. The peephole optimizer (≤3.6) folds the compiled operands, which stay in co_consts, into
   * a constant only co_consts holds. The AST optimizer (3.7 – 3.13) leaves the operands' objects to
   * the arena and makes the result a constant like a literal one (held by the arena too, except
   * where the code is compiled from an ast object: Pyodide); the CFG optimizer (3.14+) makes it a
   * constant only co_consts holds.
   */
  private foldedConstant(
    e: Expr & { k: "unary" | "binary" },
    v: Constant,
    cache: Map<string, PyObject>,
    held: Set<PyObject>,
    visitExpr: (e: Expr) => void,
  ): PyObject {
    // 2.7's ast_for_factor: a minus sign written before a number is part of the number's literal
    const literal = e.k === "unary" && e.signedNumber === true && e.op === "-";
    if (this.rules.python2 && literal) return this.makeConstant(v, cache, held);
    // from here on `v` is made by the optimizer, not read by the parser
    if (this.rules.constantFolding === "peephole") {
      if (e.k === "unary") visitExpr(e.operand);
      else {
        visitExpr(e.left);
        visitExpr(e.right);
      }
      // PyList_Append to co_consts: a new object, merged with no equal constant
      return this.constsOnly(v, new Map(), held);
    }
    this.arenaOperands(e);
    return this.rules.constantFolding === "ast" && this.rules.foldedTupleHeldWhileRunning
      ? this.makeConstant(v, cache, held, false)
      : this.constsOnly(v, cache, held);
  }

  /** A constant co_consts holds and no AST object does. */
  private constsOnly(v: Constant, cache: Map<string, PyObject>, held: Set<PyObject>): PyObject {
    const known = cache.has(constantKey(this.asCompiled(v)));
    const o = this.makeConstant(v, cache, held, false);
    if (!known && o.lifetime === "heap") o.refcnt--; // made here: no arena reference
    return o;
  }

  /** The parser's objects of a folded expression's literals: only the arena holds them (3.7+). */
  private arenaOperands(e: Expr): void {
    if (e.k === "const") this.makeConstant(e.value, new Map(), undefined);
    else if (e.k === "unary") this.arenaOperands(e.operand);
    else if (e.k === "binary") {
      this.arenaOperands(e.left);
      this.arenaOperands(e.right);
    }
  }

  /** The object of constant `c`, with co_consts' reference added unless `held` is undefined. */
  private makeConstant(
    c: Constant,
    cache: Map<string, PyObject>,
    held: Set<PyObject> | undefined,
    literal = true,
  ): PyObject {
    c = this.asCompiled(c);
    const cached = this.cachedObject(c);
    if (cached) return cached;
    const key = constantKey(c);
    let o = cache.get(key);
    if (!o) {
      o = this.newConstantObject(c, literal); // the AST arena's reference
      cache.set(key, o);
    }
    if (held && !held.has(o)) {
      held.add(o);
      this.heap.incref(o); // this code object's co_consts
    }
    return o;
  }

  private newConstantObject(c: Constant, literal: boolean): PyObject {
    switch (c.type) {
      case "int":
        return this.heap.int(c.value);
      case "float":
        return this.heap.float(c.value);
      case "str":
        return this.heap.str(c.value);
      case "bytes": {
        const o = this.heap.bytes(c.value);
        if (literal && this.rules.bytesLiteralHeldTwice) this.heap.incref(o); // the parser's, not a fold's
        return o;
      }
      default:
        throw new Error(`internal: constant ${c.type}`);
    }
  }

  /**
   * The tuple of a tuple display's constants, or (inArena false) the one 3.9+ folds a list display
   * into: only co_consts holds that one. Equal tuples share the cache key, as the compiler's
   * constant cache merges them.
   */
  private constantTuple(
    e: { readonly items: readonly Expr[] },
    cache: Map<string, PyObject>,
    held: Set<PyObject>,
    inArena = true,
  ): PyObject {
    const values = e.items.map((i) => this.valueOf(i) as Constant);
    const key = `tuple:${values.map(constantKey).join(",")}`;
    // the peephole optimizer (≤3.6) appends each tuple it folds to co_consts: equal ones stay apart
    let t = this.rules.constantFolding === "peephole" && inArena ? undefined : cache.get(key);
    if (!t) {
      // Folded from the AST (3.7 – 3.13) or from a list display, the items are not in co_consts on
      // their own; the peephole optimizer (≤3.6) leaves them there; the CFG optimizer (3.14+)
      // removes them (remove_unused_consts).
      const itemsHeld =
        this.rules.foldedTupleInArena || !inArena || this.rules.constantFolding === "cfg" ? undefined : held;
      // 3.7 folds the parser's own objects and merges nothing inside a tuple: equal items elsewhere
      // are other objects (`[1.5] [0] is (1.5, 2.5)[0]` is False there, True from 3.8).
      const parserObjects = this.rules.foldedTupleInArena && !this.rules.mergeConstantsAcrossCode;
      const items = values.map((v, k) => {
        // an item the peephole optimizer folded is a constant of its own, co_consts' only
        const item = e.items[k] as Expr;
        if (item.k === "unary" || item.k === "binary") {
          const literal = this.rules.python2 && item.k === "unary" && item.signedNumber === true;
          if (this.rules.constantFolding === "peephole" && !literal)
            return this.heap.incref(this.constsOnly(v, new Map(), held));
          if (this.rules.constantFolding !== "peephole" && !this.rules.foldedTupleHeldWhileRunning) {
            // the optimizer's object, whose arena is gone before the code runs: the tuple's, and
            // from 3.8 merged with an equal constant (merge_consts_recursive)
            const merged = parserObjects ? new Map<string, PyObject>() : cache;
            const known = merged.has(constantKey(v));
            const o = this.makeConstant(v, merged, undefined, false);
            if (!known && o.lifetime === "heap") o.refcnt--;
            return this.heap.incref(o);
          }
        }
        return this.heap.incref(this.makeConstant(v, parserObjects ? new Map() : cache, itemsHeld));
      });
      t = this.heap.tuple(items);
      // ≤3.6 the peephole optimizer folds the tuple: no AST object holds it, only co_consts
      if (!this.rules.foldedTupleInArena || !inArena) t.refcnt--;
      else this.foldedTuples.push(t);
      cache.set(key, t);
    }
    if (!held.has(t)) {
      held.add(t);
      this.heap.incref(t);
    }
    for (const i of e.items) {
      const c = cache.get(constantKey(this.valueOf(i) as Constant));
      if (c) this.constants.set(i, c);
    }
    return t;
  }

  /**
   * The frozenset 3.9+ fold a set display of three or more constants into (compile.c,
   * starunpack_helper: PyFrozenSet_New of the folded tuple): only co_consts holds it, and equal
   * ones merge. The model folds only displays of cached objects (small ints, None, bools,
   * identifier-like strs), whose counts the folded tuple's short life does not change.
   */
  private constantFrozenset(
    e: Expr & { k: "list" | "set" | "tuple" },
    cache: Map<string, PyObject>,
    held: Set<PyObject>,
  ): PyObject {
    const values = e.items.map((i) => this.asCompiled(this.valueOf(i) as Constant));
    const key = `frozenset:${values.map(constantKey).join(",")}`;
    let f = cache.get(key);
    if (!f) {
      const items = values.map((v) => this.cachedObject(v));
      if (items.some((i) => i === undefined))
        throw new UnsupportedError(
          e.line,
          "a set display of three or more constants that are not all cached objects (3.9+ fold it into a frozenset)",
        );
      const sets = this.heap.sets;
      const folded = sets.create(true);
      for (const i of items) sets.add(folded, i as PyObject);
      f = folded;
      if (this.rules.constantFolding === "ast") {
        // 3.9 – 3.13's merge_consts_recursive keeps a frozenset made anew from the folded one's slot
        // order; with colliding keys the two differ ({3, 11, 19} lists 19, 3, 11 there, and 11, 19,
        // 3 on 3.14+, whose CFG optimizer folds after merging)
        f = sets.create(true);
        for (const k of sets.members(folded)) sets.add(f, k);
        this.heap.decref(folded);
      }
      f.refcnt--; // co_consts' reference is taken below
      cache.set(key, f);
    }
    if (!held.has(f)) {
      held.add(f);
      this.heap.incref(f);
    }
    return f;
  }

  /** The object a constant is when the runtime caches it (small int, None, bool, identifier, 1-char str or bytes). */
  private cachedObject(c: Constant): PyObject | undefined {
    const rt = this.heap.runtime;
    switch (c.type) {
      case "none":
        return rt.none;
      case "bool":
        return c.value ? rt.true : rt.false;
      case "int":
        return rt.smallInt(c.value);
      case "str":
        return /^[A-Za-z0-9_]*$/.test(c.value) ? rt.identifier(c.value) : rt.str(c.value);
      case "bytes":
        return rt.bytes(c.value);
      default:
        return undefined;
    }
  }

  /** The constant as this version compiles it: on 2.7, b"..." is a str literal. */
  private asCompiled(c: Constant): Constant {
    return c.type === "bytes" && this.rules.python2 ? { type: "str", value: c.value } : c;
  }
}

/**
 * Calls `visit` on every list comprehension in `node` (a syntax tree, walked through its fields),
 * not looking into nested functions, lambdas and classes.
 */
function forEachComprehension(node: unknown, visit: (e: Expr & { k: "listcomp" }) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) forEachComprehension(n, visit);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const k = (node as { k?: unknown }).k;
  if (k === "def" || k === "class" || k === "lambda") return;
  if (k === "listcomp") visit(node as Expr & { k: "listcomp" });
  for (const value of Object.values(node)) forEachComprehension(value, visit);
}

function constantKey(c: Constant): string {
  switch (c.type) {
    case "float":
      return `float:${Object.is(c.value, -0) ? "-0" : String(c.value)}`;
    case "none":
      return "none";
    case "bool":
    case "int":
    case "str":
    case "bytes":
      return `${c.type}:${String(c.value)}`;
  }
}

/**
 * The names a function body binds (its locals), not looking into nested functions and classes.
 * With `comprehensionsBindHere` (2.7), a list comprehension's variables are the body's own too.
 */
function collectLocals(
  body: readonly Stmt[] | Expr,
  locals: Set<string>,
  globals: Set<string>,
  comprehensionsBindHere = false,
  ownComprehension = false,
): void {
  const bindTarget = (t: Target): void => {
    if (t.k === "name") locals.add(t.id);
    else if (t.k === "tuple" || t.k === "list") t.items.forEach(bindTarget);
  };
  if (comprehensionsBindHere)
    forEachComprehension(body, (e) => {
      for (const g of e.generators) bindTarget(g.target);
    });
  const visit = (s: Stmt): void => {
    switch (s.k) {
      case "assign":
        s.targets.forEach(bindTarget);
        return;
      case "augassign":
        bindTarget(s.target);
        return;
      case "del":
        s.targets.forEach(bindTarget);
        return;
      case "for":
        bindTarget(s.target);
        s.body.forEach(visit);
        s.orelse.forEach(visit);
        return;
      case "if":
      case "while":
        s.body.forEach(visit);
        s.orelse.forEach(visit);
        return;
      case "def":
      case "class":
        locals.add(s.name);
        return;
      case "import":
        for (const n of s.names) locals.add(n);
        return;
      case "global":
        for (const n of s.names) globals.add(n);
        return;
      case "try":
        s.body.forEach(visit);
        for (const h of s.handlers) {
          if (h.name) locals.add(h.name);
          h.body.forEach(visit);
        }
        s.orelse.forEach(visit);
        s.finally.forEach(visit);
        return;
      default:
        return;
    }
  };
  if (Array.isArray(body)) (body as readonly Stmt[]).forEach(visit);
  else {
    // a comprehension's own unit binds its targets; a lambda's body is only an expression
    const e = body as Expr;
    if (ownComprehension && e.k === "listcomp") for (const g of e.generators) bindTarget(g.target);
  }
  for (const g of globals) locals.delete(g);
}
