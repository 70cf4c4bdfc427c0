/*
 * Where 3.14+ may load a local borrowed. Python/flowgraph.c's optimize_load_fast turns LOAD_FAST into
 * LOAD_FAST_BORROW when the reference is consumed within the basic block that loaded it, and never in
 * blocks reached only through an exception edge (handlers: the pass follows normal edges). So an
 * operand that waits on the stack while a later operand is evaluated stays borrowed only if that later
 * operand adds no jump: a conditional expression, `and` / `or`, a chained comparison or a comprehension
 * (inlined from 3.12, a loop) ends the block, and the waiting reference is then loaded strong.
 * Statements reached only through a handler stay strong too: an except body, and whatever follows a
 * try whose body cannot end normally (its `raise` or `return` leaves only the handler's way on).
 * Measured on Pyodide's 3.14.2 and 3.15.0 (test/programs/borrow-*.py).
 */
import type { Expr, Module, Stmt } from "../frontend/ast.js";

const ENDS_BLOCK = new WeakMap<Expr, boolean>();

/** Does evaluating e jump (end a basic block)? A lambda's body is code of its own; its defaults are not. */
export function endsBlock(e: Expr): boolean {
  const known = ENDS_BLOCK.get(e);
  if (known !== undefined) return known;
  const result = jumps(e);
  ENDS_BLOCK.set(e, result);
  return result;
}

function jumps(e: Expr): boolean {
  const any = (es: readonly (Expr | undefined)[]) => es.some((x) => x !== undefined && endsBlock(x));
  switch (e.k) {
    case "if":
    case "bool":
    case "listcomp":
      return true;
    case "compare":
      return e.ops.length > 1 || any([e.left, ...e.comparators]);
    case "const":
    case "name":
      return false;
    case "tuple":
    case "list":
    case "set":
      return any(e.items);
    case "dict":
      return any([...e.keys, ...e.values]);
    case "attribute":
      return endsBlock(e.object);
    case "subscript":
      return any([e.object, e.index]);
    case "slice":
      return any([e.lower, e.upper, e.step]);
    case "call":
      return any([e.func, ...e.args, ...e.keywords.map((k) => k.value)]);
    case "binary":
      return any([e.left, e.right]);
    case "unary":
      return endsBlock(e.operand);
    case "lambda":
      return any(e.params.positional.map((p) => p.default));
    case "fstring":
      return any(e.parts.map((p) => (typeof p === "string" ? undefined : p.value)));
    case "starred":
      return endsBlock(e.value);
  }
}

/**
 * The first operand of a consumer that evaluates `operands` in order that may be loaded borrowed:
 * nothing evaluated after it, before the consumer runs, jumps (the last operand that jumps, or 0).
 */
export function firstBorrowable(operands: readonly Expr[]): number {
  let from = FIRST_BORROWABLE.get(operands);
  if (from === undefined) {
    from = 0;
    for (let j = operands.length - 1; j > 0; j--)
      if (endsBlock(operands[j] as Expr)) {
        from = j;
        break;
      }
    FIRST_BORROWABLE.set(operands, from);
  }
  return from;
}

/** firstBorrowable by operand list: a syntax tree's lists (and callOperands') never change. */
const FIRST_BORROWABLE = new WeakMap<readonly Expr[], number>();

const CALL_OPERANDS = new WeakMap<Expr, { callee: readonly Expr[]; args: readonly Expr[] }>();

const DICT_OPERANDS = new WeakMap<Expr, readonly Expr[]>();

/** A dict display's operands in evaluation order (key, value, key, …), made once per display. */
export function dictOperands(e: Expr & { k: "dict" }): readonly Expr[] {
  let operands = DICT_OPERANDS.get(e);
  if (operands === undefined) {
    operands = e.keys.flatMap((k, i) => [k, e.values[i] as Expr]);
    DICT_OPERANDS.set(e, operands);
  }
  return operands;
}

/**
 * A call's operands in evaluation order, made once per call node: `callee` starts with what is
 * loaded first (the callable, or the object of obj.method(...)), `args` the arguments alone.
 */
export function callOperands(e: Expr & { k: "call" }): { callee: readonly Expr[]; args: readonly Expr[] } {
  let operands = CALL_OPERANDS.get(e);
  if (operands === undefined) {
    const args = [...e.args, ...e.keywords.map((k) => k.value)];
    const first = e.func.k === "attribute" ? e.func.object : e.func;
    operands = { callee: [first, ...args], args };
    CALL_OPERANDS.set(e, operands);
  }
  return operands;
}

/** Statements of function bodies reached only through an exception handler (markHandlerOnly). */
export const HANDLER_ONLY = new WeakSet<Stmt>();
/** try statements whose body (and else) can end normally: after a handler, their finally is not handler code. */
export const TRY_ENDS_NORMALLY = new WeakSet<Stmt>();

/** Marks, in every function of the module, the statements only a handler reaches. */
export function markHandlerOnly(module: Module): void {
  const defs = (stmts: readonly Stmt[]): void => {
    for (const s of stmts) {
      if (s.k === "def") {
        reach(s.body, true);
        defs(s.body);
      } else for (const inner of nested(s)) defs(inner);
    }
  };
  defs(module.body);
}

/** The statement lists inside s (a def's body is its own code). */
function nested(s: Stmt): (readonly Stmt[])[] {
  switch (s.k) {
    case "if":
    case "while":
    case "for":
      return [s.body, s.orelse];
    case "try":
      return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finally];
    case "class":
      return [s.body];
    default:
      return [];
  }
}

/** Marks the statements of a list entered with `reachable` false; whether the list can end normally. */
function reach(stmts: readonly Stmt[], reachable: boolean): boolean {
  let r = reachable;
  for (const s of stmts) {
    if (!r) HANDLER_ONLY.add(s);
    r = reachAfter(s, r);
  }
  return r;
}

function reachAfter(s: Stmt, r: boolean): boolean {
  switch (s.k) {
    case "raise":
    case "return":
    case "break":
    case "continue":
      return false;
    case "if":
      return reach(s.body, r) || reach(s.orelse, r);
    case "while":
    case "for":
      // the loop's head is reached again; leaving it (test false, items done, break) is taken as normal
      reach(s.body, r);
      reach(s.orelse, r);
      return r;
    case "try": {
      const ends = reach(s.orelse, reach(s.body, r));
      for (const h of s.handlers) reach(h.body, false);
      if (ends) TRY_ENDS_NORMALLY.add(s);
      // the finally's copies differ by the way out: where the try itself is reached normally, the
      // interpreter decides which one runs
      return reach(s.finally, r) && ends;
    }
    default:
      return r;
  }
}
