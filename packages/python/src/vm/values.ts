/*
 * What Python's operators and conversions do with the model's objects: truth, equality, ordering,
 * arithmetic, str() and repr(). Results are new references made on the heap (small ints and the
 * other runtime objects come from the runtime's caches, as in CPython).
 */
import {
  floatRepr,
  NotModelledError,
  type ObjectHeap,
  type PlacementCauses,
  type PyObject,
  repr,
} from "@pymem/core";
import type { BinaryOperator } from "../frontend/ast.js";
import { PyException } from "./exceptions.js";
import { compareIntFloat, exactPower, floatFloorDiv, floatMod, generalText } from "./number-text.js";

/**
 * Counts the model knows only from below: sys.getrefcount of an object the interpreter also holds
 * (a small int before 3.12, None before 3.12, a class) is the model's count plus an unknown number
 * U ≥ 0 of references the interpreter holds elsewhere, the same U all through the run. Such a result
 * maps to the object it counted. Differences of two counts of one object, and comparisons that hold
 * whatever U is, are exact; anything else (printing one, say) is refused.
 */
/** What the model cannot place, which ids and block counts taken on its two sides do not compare across. */
export const UNPLACED_MEMORY =
  "memory the model cannot place (an import, a class statement, a ctypes object, a frame before 3.11, free-list entries left by start-up or a class, a print, a value formatted up to 3.8, a freed block start-up's pools may hand out in another order)";

/**
 * Every int the model only partly knows (a count from below, a count within a margin, an address):
 * one look-up tells arithmetic, comparison and formatting that a value is plain, as nearly all are.
 */
const PARTLY_KNOWN = new WeakSet<PyObject>();

/** Is `o` an int whose value the model only partly knows? */
export const partlyKnown = (o: PyObject): boolean => PARTLY_KNOWN.has(o);

/** A WeakMap from partly known values to what is known of them; setting one marks it partly known. */
class PartlyKnown<V> extends WeakMap<PyObject, V> {
  override set(key: PyObject, value: V): this {
    PARTLY_KNOWN.add(key);
    return super.set(key, value);
  }
}

export const COUNTS_KNOWN_FROM_BELOW = new PartlyKnown<PyObject>();

/**
 * What a sys.getallocatedblocks count is relative to (the anchor COUNTS_KNOWN_FROM_BELOW gives it):
 * the full collections and unmodelled allocations before it, and the causes of all of those so far.
 */
export const BLOCK_COUNT_EPOCHS = new WeakMap<
  PyObject,
  { readonly collections: number; readonly unmodelled: number; readonly causes: readonly UnmodelledCause[] }
>();

/**
 * An allocation (or free) CPython makes or may make that the model does not, with where it was, and
 * by how many pymalloc blocks in use it may move CPython's count away from the model's (a frame
 * object or one free-list slot: 1; undefined when not bounded, as for an import or a class).
 */
export interface UnmodelledCause {
  readonly text: string;
  readonly blocks?: number | undefined;
}

/**
 * A difference of block counts taken on either side of bounded unmodelled allocations: the value is
 * the model's, CPython's lies within `margin` of it. Comparisons that come out the same anywhere in
 * that range are answered; the value itself is refused, naming `cause`.
 */
export const COUNTS_WITHIN = new PartlyKnown<{ readonly margin: bigint; readonly cause: string }>();

/**
 * Heaps on which CPython would have made and freed container objects the model does not make:
 * formatting (repr, str, %, format, f-strings) and printing do, by version (measured with
 * gc.get_count(): 2 – 4 more after a repr, a %, a format and a str of containers on 3.6 – 3.13).
 * The collector's generation counts are unknown there until the next full gc.collect().
 */
export const GC_COUNTS_UNKNOWN = new WeakSet<ObjectHeap>();

/**
 * What an id() result is known to be. Its value is the model's address, not the one CPython would
 * print: where the system maps memory changes from run to run. So it is never shown; two of them
 * compare equal or not as the model's addresses do when both objects were placed in one stretch of
 * the run (PyObject.placement: no memory the model cannot place, such as start-up's free-list
 * entries, a frame before 3.11, an import or a ctypes object, came between). Across stretches only
 * lineages tell (PyObject.lineage): objects of one line share the address, and a line none of whose
 * objects has given the address back shares it with no object made after the line began.
 */
export interface Address {
  /** the object id() was asked about; undefined for an address computed from one (id(x) + 8) */
  readonly of: PyObject | undefined;
  /** the object's address the value is counted from, and the bytes added to it */
  readonly base: PyObject;
  readonly offset: number;
  /** the heap, which says why two placements do not relate */
  readonly causes: PlacementCauses;
}

export const ADDRESSES = new PartlyKnown<Address>();

/** Refuses to show or compute with a value the model only partly knows (a count, an address). */
export function refuseUnknownCount(o: PyObject): void {
  if (!PARTLY_KNOWN.has(o)) return;
  const within = COUNTS_WITHIN.get(o);
  if (within)
    throw new NotModelledError(
      `the value of a block-count difference known only to within ${within.margin} block${within.margin === 1n ? "" : "s"} (across ${within.cause})`,
    );
  if (COUNTS_KNOWN_FROM_BELOW.has(o))
    throw new NotModelledError(
      "the value of a count that includes what start-up or the interpreter holds elsewhere (getrefcount, getallocatedblocks)",
    );
  if (ADDRESSES.has(o))
    throw new NotModelledError(
      "the value of an id() (where memory is mapped changes from run to run; id equality is modelled)",
    );
}

/** a == b for two addresses: the model's answer, or undefined where the model cannot know it. */
function equalAddresses(a: Address, b: Address): boolean | undefined {
  if (a.of !== undefined && a.of === b.of) return true;
  const placement = a.base.placement;
  if (placement >= 0 && placement === b.base.placement)
    return a.base.address + a.offset === b.base.address + b.offset;
  const [x, y] = [a.of?.lineage, b.of?.lineage];
  if (x === undefined || y === undefined) return undefined;
  if (x === y) return true;
  const earlier = x.born < y.born ? x : y;
  return earlier.released ? undefined : false;
}

/** The refusal for two ids the model cannot compare, naming what came between them. */
function whyApart(a: Address, b: Address): string {
  const unplaced = [a.base, b.base].find((o) => o.placement < 0);
  if (unplaced) return `comparing the id() of an object in ${a.causes.unplacedCause(unplaced)}`;
  return `comparing id()s taken on either side of ${a.causes.causeBetween(a.base.placement, b.base.placement)}`;
}

/** type(x).__name__ */
export function typeName(o: PyObject, python2: boolean): string {
  switch (o.kind) {
    case "none":
      return "NoneType";
    case "instance":
      // 2.7: every instance of a classic class is of the type 'instance'
      return python2 && o.cls?.classSpec?.classic ? "instance" : (o.cls?.classSpec?.name ?? "object");
    case "class":
      return python2 && o.classSpec?.classic ? "classobj" : "type";
    case "builtin":
      return "builtin_function_or_method";
    case "iterator":
      return "iterator";
    default:
      return o.kind;
  }
}

export function isNumber(o: PyObject): boolean {
  return o.kind === "int" || o.kind === "long" || o.kind === "bool" || o.kind === "float";
}

const asBigInt = (o: PyObject): bigint => o.value as bigint;
const asNumber = (o: PyObject): number =>
  o.kind === "float" ? (o.value as number) : Number(o.value as bigint);

/** bool(x) */
export function truthy(o: PyObject): boolean {
  switch (o.kind) {
    case "none":
      return false;
    case "bool":
    case "long":
      return o.value !== 0n;
    case "int": {
      const v = o.value as bigint;
      if (!PARTLY_KNOWN.has(o)) return v !== 0n;
      const margin = COUNTS_WITHIN.get(o)?.margin;
      if (margin !== undefined && v <= margin && -v <= margin) refuseUnknownCount(o); // may be 0
      return v !== 0n;
    }
    case "float":
      return o.value !== 0;
    case "complex":
      return o.value !== 0 || o.imag !== 0;
    case "str":
    case "bytes":
    case "unicode":
      return (o.value as string).length > 0;
    case "tuple":
    case "list":
      return o.items.length > 0;
    case "dict":
      return o.dictKeys.length > 0;
    case "set":
    case "frozenset":
      return (o.setTable?.used ?? 0) > 0;
    default:
      return true;
  }
}

/** a == b for the types the model has (identity for the rest, as object.__eq__). */
export function equal(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  if (PARTLY_KNOWN.has(a) || PARTLY_KNOWN.has(b)) {
    const [aAddress, bAddress] = [ADDRESSES.get(a), ADDRESSES.get(b)];
    if (aAddress && bAddress) {
      const same = equalAddresses(aAddress, bAddress);
      if (same === undefined) throw new NotModelledError(whyApart(aAddress, bAddress));
      return same;
    }
    refuseUnknownCount(a);
    refuseUnknownCount(b);
  }
  if (isNumber(a) && isNumber(b)) return numberOrder(a, b) === 0;
  const isSet = (o: PyObject) => o.kind === "set" || o.kind === "frozenset";
  if (isSet(a) || isSet(b)) {
    if (!isSet(a) || !isSet(b)) return false;
    throw new NotModelledError("== between two sets");
  }
  if (a.kind === "complex" || b.kind === "complex") {
    const parts = (o: PyObject) => (o.kind === "complex" ? [o.value as number, o.imag] : [asNumber(o), 0]);
    if (!(a.kind === "complex" || isNumber(a)) || !(b.kind === "complex" || isNumber(b))) return false;
    const [x, y] = [parts(a), parts(b)];
    return x[0] === y[0] && x[1] === y[1];
  }
  if ((a.kind === "unicode") !== (b.kind === "unicode"))
    throw new NotModelledError("comparing a 2.7 unicode object with another type");
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "str":
    case "bytes":
    case "unicode":
      return a.value === b.value;
    case "tuple":
    case "list":
      return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i] as PyObject));
    case "dict":
      return (
        a.dictKeys.length === b.dictKeys.length &&
        a.dictKeys.every((k, i) => {
          const j = b.dictKeys.findIndex((k2) => equal(k, k2));
          return j >= 0 && equal(a.dictValues[i] as PyObject, b.dictValues[j] as PyObject);
        })
      );
    default:
      return false;
  }
}

/** The sign of a - b for two numbers, exact for an int and a float (NaN when either is a NaN). */
function numberOrder(a: PyObject, b: PyObject): number {
  if (a.kind === "float" && b.kind === "float") {
    const [x, y] = [a.value as number, b.value as number];
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.NaN;
  }
  if (a.kind === "float") return -compareIntFloat(asBigInt(b), a.value as number);
  if (b.kind === "float") return compareIntFloat(asBigInt(a), b.value as number);
  const [x, y] = [asBigInt(a), asBigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a < b: -1, 0 or 1 (NaN: unordered), or undefined when the types cannot be ordered (a TypeError on 3.x). */
export function order(a: PyObject, b: PyObject): number | undefined {
  refuseUnknownCount(a);
  refuseUnknownCount(b);
  if (isNumber(a) && isNumber(b)) return numberOrder(a, b);
  if (a.kind !== b.kind) return undefined;
  if (a.kind === "str" || a.kind === "bytes") {
    const x = a.value as string;
    const y = b.value as string;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.kind === "tuple" || a.kind === "list") {
    for (let i = 0; i < Math.min(a.items.length, b.items.length); i++) {
      const x = a.items[i] as PyObject;
      const y = b.items[i] as PyObject;
      if (!equal(x, y)) return order(x, y);
    }
    return Math.sign(a.items.length - b.items.length);
  }
  return undefined;
}

/** str(x) */
export function str(o: PyObject, heap: ObjectHeap): string {
  refuseUnknownCount(o);
  if (o.kind === "str") return o.value as string;
  if (o.kind === "long") return String(o.value);
  const python2 = heap.profile.python[0] === 2;
  if (o.kind === "bytes" && python2) return o.value as string;
  // 2.7's float_str is "%.12g" (3.x's str is the repr)
  if (o.kind === "float" && python2) return generalText(o.value as number, 12, true);
  return reprOf(o, heap);
}

/** Kinds whose repr shows the object's address (`<... at 0x...>`), which the model's is not. */
const REPR_SHOWS_ADDRESS = new Set([
  "instance",
  "object",
  "function",
  "iterator",
  "weakref",
  "method-wrapper",
  "method",
  "builtin-method",
  "map",
]);

/** repr(x) */
export function reprOf(o: PyObject, heap: ObjectHeap): string {
  refuseUnknownCount(o);
  GC_COUNTS_UNKNOWN.add(heap);
  const classic = o.kind === "class" && o.classSpec?.classic;
  if (REPR_SHOWS_ADDRESS.has(o.kind) || classic)
    throw new NotModelledError(
      `the repr of ${o.kind === "instance" ? "an instance" : `a ${o.kind}`}: it shows the object's address, which changes from run to run`,
    );
  if (o.kind === "unicode") throw new NotModelledError("printing a 2.7 unicode object");
  if (o.kind === "float") return floatRepr(o.value as number);
  if (o.kind === "class" && heap.profile.python[0] === 2) return `<class '__main__.${o.classSpec?.name}'>`;
  return repr(o, heap.profile, (item) => reprOf(item, heap));
}

/** The new reference an arithmetic result needs: ints through the small-int cache, floats fresh. */
export function intResult(heap: ObjectHeap, v: bigint): PyObject {
  return heap.int(v);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && m < 0n !== b < 0n ? m + b : m;
}

const TYPE_NAMES: Readonly<Record<BinaryOperator, string>> = {
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "//": "//",
  "%": "%",
  "**": "** or pow()",
  "<<": "<<",
  ">>": ">>",
  "&": "&",
  "|": "|",
  "^": "^",
};

/**
 * a op b for numbers, str/bytes/list/tuple concatenation and repetition. Returns undefined for
 * combinations the model does not run (the caller refuses them); raises TypeError like CPython for
 * combinations Python itself rejects.
 */
export function binary(
  heap: ObjectHeap,
  op: BinaryOperator,
  a: PyObject,
  b: PyObject,
  python2: boolean,
): PyObject | undefined {
  // only ints (2.7: and longs) are counts or addresses: no WeakMap lookups for anything else
  if (PARTLY_KNOWN.has(a) || PARTLY_KNOWN.has(b)) {
    const base = COUNTS_KNOWN_FROM_BELOW.get(a) ?? COUNTS_KNOWN_FROM_BELOW.get(b);
    if (base) return countArithmetic(heap, op, a, b, base);
    const address = ADDRESSES.get(a) ?? ADDRESSES.get(b);
    if (address) return addressArithmetic(heap, op, a, b, address);
    if (COUNTS_WITHIN.has(a) || COUNTS_WITHIN.has(b)) return withinArithmetic(heap, op, a, b);
  }
  if (isNumber(a) && isNumber(b)) {
    if (a.kind === "long" || b.kind === "long") return undefined;
    if (a.kind === "float" || b.kind === "float" || (op === "/" && !python2)) {
      const x = asNumber(a);
      const y = asNumber(b);
      // an int goes in as the nearest float; beyond the largest one CPython raises
      if (!Number.isFinite(x) && a.kind !== "float")
        throw new PyException("OverflowError", "int too large to convert to float");
      if (!Number.isFinite(y) && b.kind !== "float")
        throw new PyException("OverflowError", "int too large to convert to float");
      // int / int is rounded once from the exact quotient (long_true_divide): here only where both are exact
      if (a.kind !== "float" && b.kind !== "float" && !(Number.isSafeInteger(x) && Number.isSafeInteger(y)))
        throw new NotModelledError("true division of ints beyond 2**53");
      if ((op === "/" || op === "//" || op === "%") && y === 0)
        throw new PyException(
          "ZeroDivisionError",
          a.kind !== "float" && b.kind !== "float" && op === "/"
            ? "division by zero"
            : "float division by zero",
        );
      switch (op) {
        case "+":
          return heap.float(x + y);
        case "-":
          return heap.float(x - y);
        case "*":
          return heap.float(x * y);
        case "/":
          return heap.float(x / y);
        case "//":
          return heap.float(floatFloorDiv(x, y));
        case "%":
          return heap.float(floatMod(x, y));
        case "**":
          return heap.float(power(x, y));
        default:
          throw new PyException(
            "TypeError",
            `unsupported operand type(s) for ${TYPE_NAMES[op]}: 'float' and 'float'`,
          );
      }
    }
    const x = asBigInt(a);
    const y = asBigInt(b);
    switch (op) {
      case "+":
        return intResult(heap, x + y);
      case "-":
        return intResult(heap, x - y);
      case "*":
        return intResult(heap, x * y);
      case "/":
      case "//":
      case "%":
        if (y === 0n)
          throw new PyException(
            "ZeroDivisionError",
            python2
              ? `integer division or modulo by zero`
              : op === "%"
                ? "integer modulo by zero"
                : "integer division or modulo by zero",
          );
        return intResult(heap, op === "%" ? floorMod(x, y) : floorDiv(x, y));
      case "**":
        // a negative exponent makes it float_pow of the two as floats
        if (y < 0n) return heap.float(power(Number(x), Number(y)));
        if (y > 100000n) throw new NotModelledError("an int power this large");
        return intResult(heap, x ** y);
      case "<<":
      case ">>":
        if (y < 0n) throw new PyException("ValueError", "negative shift count");
        if (op === ">>") return intResult(heap, x >> y);
        if (y > 100000n) throw new NotModelledError("an int shifted this far");
        return intResult(heap, x << y);
      case "&":
        return intResult(heap, x & y);
      case "|":
        return intResult(heap, x | y);
      case "^":
        return intResult(heap, x ^ y);
    }
  }
  const same = a.kind === b.kind;
  // concatenation and repetition of sequences: a new object of exactly the needed size
  if (op === "+" && same && (a.kind === "list" || a.kind === "tuple")) {
    const items = [...a.items, ...b.items].map((i) => heap.incref(i));
    return a.kind === "list" ? heap.list(items) : heap.tuple(items);
  }
  const seq =
    a.kind === "list" || a.kind === "tuple" ? a : b.kind === "list" || b.kind === "tuple" ? b : undefined;
  const times = seq === a ? b : a;
  if (op === "*" && seq && (times.kind === "int" || times.kind === "bool")) {
    const n = Math.max(0, Number(times.value as bigint));
    const items: PyObject[] = [];
    for (let k = 0; k < n; k++) for (const i of seq.items) items.push(heap.incref(i));
    if (seq.kind === "tuple" && n === 1) {
      for (const i of items) heap.decref(i);
      return heap.incref(seq); // tuple_repeat returns the tuple itself
    }
    return seq.kind === "list" ? heap.list(items) : heap.tuple(items);
  }
  if (op === "+" && same && (a.kind === "str" || a.kind === "bytes"))
    return a.kind === "str" ? heap.str(`${a.value}${b.value}`) : heap.bytes(`${a.value}${b.value}`);
  if (op === "*" && (a.kind === "str" || a.kind === "bytes") && (b.kind === "int" || b.kind === "bool")) {
    const n = Math.max(0, Number(b.value as bigint));
    const s = (a.value as string).repeat(n);
    return a.kind === "str" ? heap.str(s) : heap.bytes(s);
  }
  return undefined;
}

/** float_pow where the model knows C's answer: an exact result, or a refusal. */
function power(x: number, y: number): number {
  if (x === 0 && y < 0) throw new NotModelledError("0.0 to a negative power");
  const exact = exactPower(x, y);
  if (exact === undefined)
    throw new NotModelledError(
      "a float power whose result is not exact (C's pow() and the model's may differ in the last digit)",
    );
  return exact;
}

/** -x, +x, ~x for numbers (undefined for what the model does not run). */
export function unary(heap: ObjectHeap, op: "-" | "+" | "~", o: PyObject): PyObject | undefined {
  if (o.kind === "float") {
    if (op === "~") throw new PyException("TypeError", "bad operand type for unary ~: 'float'");
    return heap.float(op === "-" ? -(o.value as number) : (o.value as number));
  }
  if (o.kind === "int" || o.kind === "bool") {
    const v = o.value as bigint;
    return intResult(heap, op === "-" ? -v : op === "~" ? -v - 1n : v);
  }
  return undefined;
}

/**
 * The difference of two block counts relative to different unknowns: how far CPython's may lie from
 * the model's (the sum of the bounds of what came between), or the refusal naming what is unbounded.
 */
function countsApart(a: PyObject, b: PyObject): { margin: bigint; cause: string } | string {
  const [x, y] = [BLOCK_COUNT_EPOCHS.get(a), BLOCK_COUNT_EPOCHS.get(b)];
  if (!x || !y) return "the difference of counts of two objects, each known only from below";
  const apart = (what: string) => `the difference of block counts taken on either side of ${what}`;
  if (x.collections !== y.collections) return apart("a full collection");
  const between = x.causes.slice(Math.min(x.unmodelled, y.unmodelled), Math.max(x.unmodelled, y.unmodelled));
  const unbounded = between.find((c) => c.blocks === undefined);
  if (unbounded || between.length === 0) return apart(unbounded?.text ?? UNPLACED_MEMORY);
  const margin = between.reduce((sum, c) => sum + BigInt(c.blocks as number), 0n);
  const first = (between[0] as UnmodelledCause).text;
  const cause = between.length === 1 ? first : `${first} and ${between.length - 1} more`;
  return { margin, cause };
}

/** n within its margin: [low, high] */
function range(o: PyObject): [bigint, bigint] {
  const v = o.value as bigint;
  const m = COUNTS_WITHIN.get(o)?.margin ?? 0n;
  return [v - m, v + m];
}

/** a op b where either is a count known within a margin: the answer wherever each lies, or undefined. */
export function compareWithin(op: string, a: PyObject, b: PyObject): boolean | undefined {
  if ((a.kind !== "int" && a.kind !== "bool") || (b.kind !== "int" && b.kind !== "bool")) return undefined;
  const [[aLow, aHigh], [bLow, bHigh]] = [range(a), range(b)];
  const decided = (yes: boolean, no: boolean) => (yes ? true : no ? false : undefined);
  const apart = aHigh < bLow || aLow > bHigh;
  switch (op) {
    case "<":
      return decided(aHigh < bLow, aLow >= bHigh);
    case "<=":
      return decided(aHigh <= bLow, aLow > bHigh);
    case ">":
      return decided(aLow > bHigh, aHigh <= bLow);
    case ">=":
      return decided(aLow >= bHigh, aHigh < bLow);
    case "==":
      return decided(aLow === aHigh && bLow === bHigh && aLow === bLow, apart);
    case "!=":
      return decided(apart, aLow === aHigh && bLow === bHigh && aLow === bLow);
    default:
      return undefined;
  }
}

/** count ± n, n ± count and count − count where a count is known within a margin (margins add). */
function withinArithmetic(heap: ObjectHeap, op: BinaryOperator, a: PyObject, b: PyObject): PyObject {
  const [x, y] = [COUNTS_WITHIN.get(a), COUNTS_WITHIN.get(b)];
  const plain = (o: PyObject) => o.kind === "int" && !COUNTS_KNOWN_FROM_BELOW.has(o) && !ADDRESSES.has(o);
  if ((op !== "+" && op !== "-") || !(x || plain(a)) || !(y || plain(b))) refuseUnknownCount(x ? a : b);
  const [v, w] = [a.value as bigint, b.value as bigint];
  const r = heap.runtime.opaque("int", op === "+" ? v + w : v - w);
  const margin = (x?.margin ?? 0n) + (y?.margin ?? 0n);
  COUNTS_WITHIN.set(r, { margin, cause: (x ?? y)?.cause as string });
  return r;
}

/** count ± n and count − count of one object (the unknown part cancels); anything else is refused. */
function countArithmetic(
  heap: ObjectHeap,
  op: BinaryOperator,
  a: PyObject,
  b: PyObject,
  base: PyObject,
): PyObject {
  const known = (o: PyObject) => o.value as bigint;
  const aCount = COUNTS_KNOWN_FROM_BELOW.get(a);
  const bCount = COUNTS_KNOWN_FROM_BELOW.get(b);
  if (aCount && bCount) {
    if (op === "-" && aCount === bCount) return heap.int(known(a) - known(b));
    if (op === "-") {
      const apart = countsApart(aCount, bCount);
      if (typeof apart === "string") throw new NotModelledError(apart);
      const r = heap.runtime.opaque("int", known(a) - known(b));
      COUNTS_WITHIN.set(r, apart);
      return r;
    }
    refuseUnknownCount(a);
  }
  const other = aCount ? b : a;
  if ((op === "+" || (op === "-" && aCount)) && other.kind === "int") {
    const r = heap.runtime.opaque("int", op === "+" ? known(a) + known(b) : known(a) - known(b));
    COUNTS_KNOWN_FROM_BELOW.set(r, base);
    return r;
  }
  refuseUnknownCount(aCount ? a : b);
  return undefined as never;
}

/** id(x) ± n: an address n bytes away, as unknown in value as id(x) (anything else is refused). */
function addressArithmetic(
  heap: ObjectHeap,
  op: BinaryOperator,
  a: PyObject,
  b: PyObject,
  address: Address,
): PyObject {
  const [at, n] = ADDRESSES.has(a) ? [a, b] : [b, a];
  const sign = op === "+" ? 1n : op === "-" && at === a ? -1n : 0n;
  if (sign === 0n || ADDRESSES.has(n) || n.kind !== "int") refuseUnknownCount(at);
  const by = sign * (n.value as bigint);
  const r = heap.int((at.value as bigint) + by);
  ADDRESSES.set(r, { ...address, of: undefined, offset: address.offset + Number(by) });
  return r;
}

/**
 * a op b where one side is a count known from below (value = known + U, U ≥ 0): the answer when it
 * is the same for every U, else undefined.
 */
export function compareCounts(op: string, a: PyObject, b: PyObject): boolean | undefined {
  const aCount = COUNTS_KNOWN_FROM_BELOW.get(a);
  const bCount = COUNTS_KNOWN_FROM_BELOW.get(b);
  if (!aCount && !bCount) return undefined;
  const x = a.value as bigint;
  const y = b.value as bigint;
  if (aCount && bCount) {
    if (aCount !== bCount) return undefined;
    return op === "=="
      ? x === y
      : op === "!="
        ? x !== y
        : op === "<"
          ? x < y
          : op === "<="
            ? x <= y
            : op === ">"
              ? x > y
              : op === ">="
                ? x >= y
                : undefined;
  }
  if ((aCount ? b : a).kind !== "int") return undefined;
  // one side is known + U, the other a plain int c
  const [low, c, countOnLeft] = aCount ? [x, y, true] : [y, x, false];
  if (c < low) {
    // the count is above c whatever U is
    const countAbove: Record<string, boolean> = {
      "==": false,
      "!=": true,
      ">": true,
      ">=": true,
      "<": false,
      "<=": false,
    };
    const r = countAbove[op];
    if (r === undefined) return undefined;
    return countOnLeft ? r : op === "==" || op === "!=" ? r : !r;
  }
  return undefined;
}
