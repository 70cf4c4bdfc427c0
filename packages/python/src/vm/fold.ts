/*
 * Constant folding: the unary and binary operations on constants the compiler computes before the
 * program runs, so that the result is a constant of the code object (and, from 3.7, of the AST
 * arena) rather than an object made when the line runs. Which operations are folded, and up to
 * what size, by version (tuple arithmetic on constant tuples, which CPython folds too, is refused
 * by code.ts):
 *
 *   2.7  the peephole optimizer (Python/peephole.c, fold_binops_on_constants, fold_unaryops_on_
 *        constants): any size of int; str, bytes and tuples up to 20 items; `/` never (classic
 *        division). A minus sign written before a number is part of the literal (ast.c, ast_for_factor).
 *   3.6  the peephole optimizer, with 3.7's limits on ints (128 bits) and 2.7's on sequences (20).
 *   3.7+ the AST optimizer (Python/ast_opt.c, fold_binop, safe_multiply, safe_power, safe_lshift):
 *        ints up to 128 bits, str and bytes up to 4096 characters. 3.14 moved the folding of unary
 *        and binary operations to the control-flow graph (gh-129550), taken here with the same limits.
 *
 * Measured on 2.7 and 3.6 – 3.13 with sys.getrefcount of the result (folded: held by co_consts, and
 * by the arena from 3.7) at each limit's two sides. An operation CPython folds that is not computed
 * here (float `**`, tuple arithmetic) is refused, never left to run.
 */
import { UnsupportedError } from "../errors.js";
import type { Constant, Expr } from "../frontend/ast.js";

/** What the compiler of a version folds. */
export interface FoldRules {
  readonly python2: boolean;
  /** "peephole": ≤3.6, on the bytecode; "ast": 3.7 – 3.13, on the syntax tree; "cfg": 3.14+ */
  readonly stage: "peephole" | "ast" | "cfg";
}

/** MAX_INT_SIZE (bits), MAX_STR_SIZE (characters) of ast_opt.c; 20 items for the peephole optimizer. */
const MAX_INT_BITS = 128;
const MAX_STR_SIZE = 4096;
const PEEPHOLE_MAX_SIZE = 20;

const bits = (v: bigint): number => (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0);

/**
 * The constant `e` folds to (a unary or binary operation whose operands are constants, folded
 * themselves), or undefined when the compiler leaves it to run. `constantOf` gives a literal's value.
 */
export function foldConstant(
  e: Expr,
  rules: FoldRules,
  constantOf: (e: Expr) => Constant | undefined,
): Constant | undefined {
  if (e.k === "unary") {
    const v = constantOf(e.operand);
    if (!v) return undefined;
    if (v.type === "int") {
      if (e.op === "-")
        return rules.stage === "peephole" && v.value === 0n ? undefined : { type: "int", value: -v.value };
      if (e.op === "+") return v;
      if (e.op === "~") return { type: "int", value: -v.value - 1n };
    }
    // the peephole optimizer keeps the sign of -0.0 by not folding a minus of a zero
    if (v.type === "float" && e.op === "-" && !(rules.stage === "peephole" && v.value === 0))
      return { type: "float", value: -v.value };
    if (v.type === "float" && e.op === "+") return v;
    return undefined;
  }
  if (e.k !== "binary") return undefined;
  const [a, b] = [constantOf(e.left), constantOf(e.right)];
  if (!a || !b) return undefined;
  const refuse = (what: string): never => {
    throw new UnsupportedError(e.line, `a constant expression the compiler folds (${what})`);
  };
  const peephole = rules.stage === "peephole";
  const sizeOk = (n: number, limit: number) => (peephole ? n <= PEEPHOLE_MAX_SIZE : n <= limit);
  // sequences
  if ((a.type === "str" || a.type === "bytes") && a.type === b.type && e.op === "+") {
    const value = a.value + b.value;
    return sizeOk([...value].length, Number.POSITIVE_INFINITY) ? { type: a.type, value } : undefined;
  }
  const seq =
    a.type === "str" || a.type === "bytes" ? a : b.type === "str" || b.type === "bytes" ? b : undefined;
  if (seq && e.op === "*") {
    const n = seq === a ? b : a;
    if (n.type !== "int") return undefined;
    const text = seq.value as string;
    const count = n.value;
    if (count < 0n) return peephole ? { type: seq.type, value: "" } : undefined;
    const size = [...text].length * Number(count);
    if (
      peephole
        ? size > PEEPHOLE_MAX_SIZE
        : text.length > 0 && count > BigInt(Math.floor(MAX_STR_SIZE / [...text].length))
    )
      return undefined;
    return { type: seq.type, value: text.repeat(Number(count)) };
  }
  // 2.7's peephole optimizer folds string formatting too, and PyCode_New interns a name-like result
  if (rules.python2 && (a.type === "str" || a.type === "bytes") && e.op === "%") refuse("str % constant");
  const numeric = (c: Constant) => c.type === "int" || c.type === "float";
  if (!numeric(a) || !numeric(b)) return undefined;
  if (a.type === "int" && b.type === "int") return foldInts(e.op, a.value, b.value, rules, refuse);
  // a float operand: C double arithmetic, as JavaScript's
  const x = Number(a.value);
  const y = Number(b.value);
  if ((a.type === "int" && !Number.isSafeInteger(x)) || (b.type === "int" && !Number.isSafeInteger(y)))
    refuse("an int too large to be exact as a float");
  switch (e.op) {
    case "+":
      return { type: "float", value: x + y };
    case "-":
      return { type: "float", value: x - y };
    case "*":
      return { type: "float", value: x * y };
    case "/":
      return y === 0 ? undefined : { type: "float", value: x / y };
    case "//":
    case "%": {
      if (y === 0) return undefined;
      const [div, mod] = floatDivmod(x, y);
      return { type: "float", value: e.op === "//" ? div : mod };
    }
    case "**":
      return refuse("a power of a float");
    default:
      return undefined;
  }
}

function foldInts(
  op: string,
  v: bigint,
  w: bigint,
  rules: FoldRules,
  refuse: (what: string) => never,
): Constant | undefined {
  const limited = !rules.python2; // 2.7 folds ints of any size
  // 2.7: an operand beyond a 64-bit C long is a long, and so is the result, however small (1L),
  // where the model would make a small one an int
  const long = (x: bigint) => x >= 2n ** 63n || x < -(2n ** 63n);
  const int = (value: bigint): Constant => {
    if (bits(value) > 100_000) refuse("an int of more than 100,000 bits");
    if (rules.python2 && (long(v) || long(w)) && !long(value))
      refuse("a 2.7 long folded into an int's range");
    return { type: "int", value };
  };
  switch (op) {
    case "+":
      return int(v + w);
    case "-":
      return int(v - w);
    case "*":
      // safe_multiply
      if (limited && v !== 0n && w !== 0n && bits(v) + bits(w) > MAX_INT_BITS) return undefined;
      return int(v * w);
    case "//":
      return w === 0n ? undefined : int(floorDiv(v, w));
    case "%":
      return w === 0n ? undefined : int(v - floorDiv(v, w) * w);
    case "/":
      if (rules.python2 || w === 0n) return undefined; // 2.7: classic division is not folded
      if (!Number.isSafeInteger(Number(v)) || !Number.isSafeInteger(Number(w)))
        refuse("a true division of large ints");
      return { type: "float", value: Number(v) / Number(w) };
    case "**":
      if (w < 0n) return refuse("a power with a negative exponent");
      // safe_power
      if (limited && v !== 0n && w > 0n && bits(v) > MAX_INT_BITS / Number(w)) return undefined;
      if (!limited && bits(v) * Number(w) > 100_000) refuse("an int of more than 100,000 bits");
      return int(v ** w);
    case "<<":
      if (w < 0n) return undefined;
      // safe_lshift
      if (limited && v !== 0n && (w > BigInt(MAX_INT_BITS) || bits(v) > MAX_INT_BITS - Number(w)))
        return undefined;
      if (w > 100_000n) refuse("an int of more than 100,000 bits");
      return int(v << w);
    case ">>":
      return w < 0n ? undefined : int(v >> w);
    case "&":
      return int(v & w);
    case "|":
      return int(v | w);
    case "^":
      return int(v ^ w);
    default:
      return undefined;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** float_divmod (Objects/floatobject.c): the floor quotient and the modulo with the divisor's sign. */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else mod = Math.sign(wx) < 0 || Object.is(wx, -0) ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = Object.is(vx / wx, -0) || vx / wx < 0 ? -0 : 0;
  return [floordiv, mod];
}
