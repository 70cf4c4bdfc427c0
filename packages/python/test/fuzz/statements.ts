/*
 * The statements random programs are made of: a table of generators, each tagged with the features it
 * needs, so that a feature is switched on (or off) for the whole fuzzer as the model grows.
 *
 * Every generator reads the program state (which names are bound, to what kind of object, with which
 * attributes) and writes one line that cannot raise on 2.7 or 3.6+, or nothing when it does not apply
 * (`del x` with no name bound). Programs print only what memory management decides (counts, identity,
 * sizes, finalizer order), never an address or anything hash-ordered.
 */

/** What a program may use, with what it means in Python; the statement table refers to these. */
export const FEATURES = {
  list: "list displays: [], [a], [a, b]",
  dict: 'dict displays: {}, {"k": a}',
  tuple: "tuple displays of names: (a,), (a, b)",
  instance: "instances of `class K0(object): pass`",
  finalizer: "instances of D0, whose __del__ prints its label",
  float: 'float("1.5")',
  int: 'int("100000"), outside every small-int cache (3.15 caches up to 1024)',
  str: "str(12345)",
  alias: "y = x",
  del: "del x",
  append: "x.append(y) on a list",
  attr: "x.a0 = y and del x.a0 on instances",
  setitem: 'd["k"] = y on a dict',
  clear: "del x[:] on a list",
  id: "i0 = id(x) and print(id(x) == i0)",
  call: "keep(a) (returns a), drop(a) (does nothing), count(a) (getrefcount inside a function)",
  gc: "gc.collect() and print(gc.collect())",
  getrefcount: "print(sys.getrefcount(x))",
  is: "print(x is y)",
  getsizeof: "print(sys.getsizeof(x)) of lists, dicts, tuples and instances",
  len: "print(len(x)) of lists, dicts and tuples",
  constant: 'constants, literal or folded by the compiler: 7.5, -2.5, 1000 + 1, (1, -2.5), "a b" * 2',
  set: "set(), {a}, {a, b} of hashable names; x.add(y), x.discard(y) on a set",
} as const;

export type Feature = keyof typeof FEATURES;
export const ALL_FEATURES = Object.keys(FEATURES) as Feature[];

/** The kinds of object a name can be bound to. */
export type Kind = "list" | "dict" | "tuple" | "K0" | "D0" | "float" | "int" | "str" | "set";

/** One object of the running program, as far as the generator needs to know it. */
export interface PyObject {
  readonly kind: Kind;
  /** attributes set on an instance (a0, a1, a2) */
  readonly attrs: Set<string>;
}

/** What the program has bound so far; the statements read and update it. */
export class ProgramState {
  /** v0 … v4 that are bound, with their objects (aliases share one object) */
  readonly names = new Map<string, PyObject>();
  /** i0, i1 that hold an id */
  readonly ids = new Set<string>();
  /** the label of the next D0 instance: each prints a different one when finalized */
  nextLabel = 0;

  /** The bound names whose objects pass `test`, in a fixed order. */
  bound(test: (o: PyObject) => boolean = () => true): string[] {
    return [...this.names.keys()].filter((n) => test(this.names.get(n) as PyObject)).sort();
  }
}

/** Three numbers from the fuzzer: each statement reads them as choices (which name, which key...). */
export type Picks = readonly [number, number, number];

export interface Statement {
  readonly name: string;
  /** every feature the line uses: the statement is generated only when all are switched on */
  readonly needs: readonly Feature[];
  /** relative frequency among the enabled statements */
  readonly weight: number;
  /** the line, updating `s`; undefined when the statement does not apply to the state */
  emit(s: ProgramState, p: Picks): string | undefined;
}

export const NAMES = ["v0", "v1", "v2", "v3", "v4"];
const ID_SLOTS = ["i0", "i1"];
const ATTRS = ["a0", "a1", "a2"];
/** Six keys fill a dict of 8 slots past its usable 5: the growth is what getsizeof shows. */
const KEYS = ["k", "j", "m", "n", "p", "q"];

function choose<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

const isInstance = (o: PyObject) => o.kind === "K0" || o.kind === "D0";
const isSized = (o: PyObject) =>
  o.kind === "list" || o.kind === "dict" || o.kind === "tuple" || o.kind === "set";
/** What a set may hold without a TypeError (a tuple may hold a list, so tuples are left out). */
const isHashable = (o: PyObject) =>
  isInstance(o) || o.kind === "float" || o.kind === "int" || o.kind === "str";

/** An expression making a new object at run time, and the kind it makes. */
interface Constructor {
  readonly kind: Kind;
  readonly needs: Feature;
  /** the expression, or undefined when it needs bound names and there are too few */
  make(s: ProgramState, p: Picks): string | undefined;
}

/** Displays with one or two names: the names chosen by the picks, possibly the same one twice. */
function names(s: ProgramState, p: Picks, count: number): string[] | undefined {
  const all = s.bound();
  if (all.length === 0) return undefined;
  return [choose(all, p[1]) as string, choose(all, p[2]) as string].slice(0, count);
}

/*
 * Constants are shared (a literal lives in its code object; 3.15 caches ints up to 1024), so most
 * objects are built at run time: float("1.5"), int("100000"), str(12345). The "constant" feature
 * makes constants on purpose, literal and folded, outside every cache and never identifier-like
 * (an interned name's count includes references start-up made).
 */
const CONSTANTS: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  float: ["7.5", "-2.5", "2.5 * 2", "1e3 - 0.5", "-(7.5)"],
  int: ["5000", "-5000", "1000 + 1", "7 * 1000", "2 ** 20", "-(3000)"],
  tuple: ["(1, -2.5)", "(5000, 7.5)", "(2.5 * 2,)"],
  str: ['"a b" * 2', '"x y"', '"p " + "q"'],
};
const CONSTRUCTORS: readonly Constructor[] = [
  { kind: "list", needs: "list", make: () => "[]" },
  {
    kind: "list",
    needs: "list",
    make: (s, p) => {
      const items = names(s, p, 1 + (p[0] % 2));
      return items && `[${items.join(", ")}]`;
    },
  },
  { kind: "dict", needs: "dict", make: () => "{}" },
  {
    kind: "dict",
    needs: "dict",
    make: (s, p) => {
      const items = names(s, p, 1);
      return items && `{"k": ${items[0]}}`;
    },
  },
  {
    kind: "tuple",
    needs: "tuple",
    make: (s, p) => {
      const items = names(s, p, 1 + (p[0] % 2));
      return items && (items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`);
    },
  },
  { kind: "set", needs: "set", make: () => "set()" },
  {
    kind: "set",
    needs: "set",
    make: (s, p) => {
      const all = s.bound((o) => isHashable(o));
      if (all.length === 0) return undefined;
      const items = [choose(all, p[1]) as string, choose(all, p[2]) as string].slice(0, 1 + (p[0] % 2));
      return `{${items.join(", ")}}`;
    },
  },
  { kind: "K0", needs: "instance", make: () => "K0()" },
  { kind: "D0", needs: "finalizer", make: (s) => `D0(${s.nextLabel++})` },
  { kind: "float", needs: "float", make: () => 'float("1.5")' },
  { kind: "int", needs: "int", make: () => 'int("100000")' },
  { kind: "str", needs: "str", make: () => "str(12345)" },
  ...Object.entries(CONSTANTS).map(
    ([kind, texts]): Constructor => ({
      kind: kind as Kind,
      needs: "constant",
      make: (_s, p) => choose(texts as readonly string[], p[2]),
    }),
  ),
];

/** `target = <new object>` and `drop(<new object>)` (a temporary) for each constructor. */
function constructorStatements(): Statement[] {
  return CONSTRUCTORS.flatMap((c, n): Statement[] => [
    {
      name: `new ${c.kind} #${n}`,
      needs: [c.needs],
      weight: 2,
      emit(s, p) {
        const target = choose(NAMES, p[0] >> 1) as string;
        const value = c.make(s, p);
        if (value === undefined) return undefined;
        s.names.set(target, { kind: c.kind, attrs: new Set() });
        return `${target} = ${value}`;
      },
    },
    {
      name: `temporary ${c.kind} #${n}`,
      needs: [c.needs, "call"],
      weight: 0.5,
      emit(s, p) {
        const value = c.make(s, p);
        return value && `drop(${value})`;
      },
    },
  ]);
}

/** A statement on one bound name whose object passes `test`. */
function onName(
  test: (o: PyObject) => boolean,
  line: (x: string, o: PyObject, s: ProgramState, p: Picks) => string | undefined,
): Statement["emit"] {
  return (s, p) => {
    const x = choose(s.bound(test), p[0]);
    return x === undefined ? undefined : line(x, s.names.get(x) as PyObject, s, p);
  };
}

/** A statement on a bound name passing `test` and any other bound name y (any kind, itself included). */
function onTwo(
  test: (o: PyObject) => boolean,
  line: (x: string, y: string, o: PyObject, p: Picks) => string,
): Statement["emit"] {
  return onName(test, (x, o, s, p) => {
    const y = choose(s.bound(), p[1]);
    return y === undefined ? undefined : line(x, y, o, p);
  });
}

const any = () => true;

const OPERATIONS: readonly Statement[] = [
  {
    name: "alias",
    needs: ["alias"],
    weight: 3,
    emit: onName(any, (x, o, s, p) => {
      const target = choose(NAMES, p[1]) as string;
      s.names.set(target, o);
      return `${target} = ${x}`;
    }),
  },
  {
    name: "del name",
    needs: ["del"],
    weight: 3,
    emit: onName(any, (x, _o, s) => {
      s.names.delete(x);
      return `del ${x}`;
    }),
  },
  {
    name: "append",
    needs: ["list", "append"],
    weight: 3,
    emit: onTwo(
      (o) => o.kind === "list",
      (x, y) => `${x}.append(${y})`,
    ),
  },
  {
    name: "clear",
    needs: ["list", "clear"],
    weight: 1,
    emit: onName(
      (o) => o.kind === "list",
      (x) => `del ${x}[:]`,
    ),
  },
  {
    name: "set attribute",
    needs: ["attr"],
    weight: 2,
    emit: onTwo(isInstance, (x, y, o, p) => {
      const a = choose(ATTRS, p[2]) as string;
      o.attrs.add(a);
      return `${x}.${a} = ${y}`;
    }),
  },
  {
    name: "del attribute",
    needs: ["attr"],
    weight: 1,
    emit: onName(
      (o) => isInstance(o) && o.attrs.size > 0,
      (x, o, _s, p) => {
        const a = choose([...o.attrs].sort(), p[1]) as string;
        o.attrs.delete(a);
        return `del ${x}.${a}`;
      },
    ),
  },
  {
    name: "set item",
    needs: ["dict", "setitem"],
    weight: 2,
    emit: onTwo(
      (o) => o.kind === "dict",
      (x, y, _o, p) => `${x}["${choose(KEYS, p[2])}"] = ${y}`,
    ),
  },
  {
    name: "save id",
    needs: ["id"],
    weight: 2,
    emit: onName(any, (x, _o, s, p) => {
      const slot = choose(ID_SLOTS, p[1]) as string;
      s.ids.add(slot);
      return `${slot} = id(${x})`;
    }),
  },
  {
    name: "keep",
    needs: ["call"],
    weight: 1,
    emit: onName(any, (x, o, s, p) => {
      const target = choose(NAMES, p[1]) as string;
      s.names.set(target, o);
      return `${target} = keep(${x})`;
    }),
  },
  { name: "drop", needs: ["call"], weight: 1, emit: onName(any, (x) => `drop(${x})`) },
  { name: "collect", needs: ["gc"], weight: 1, emit: () => "gc.collect()" },
  ...(["add", "discard"] as const).map(
    (method): Statement => ({
      name: `set ${method}`,
      needs: ["set"],
      weight: 2,
      emit: onName(
        (o) => o.kind === "set",
        (x, _o, s, p) => {
          const y = choose(s.bound(isHashable), p[1]);
          return y === undefined ? undefined : `${x}.${method}(${y})`;
        },
      ),
    }),
  ),
];

const PRINTS: readonly Statement[] = [
  {
    name: "print getrefcount",
    needs: ["getrefcount"],
    weight: 6,
    emit: onName(any, (x) => `print(sys.getrefcount(${x}))`),
  },
  {
    name: "print count in a function",
    needs: ["call", "getrefcount"],
    weight: 2,
    emit: onName(any, (x) => `print(count(${x}))`),
  },
  {
    name: "print is",
    needs: ["is"],
    weight: 4,
    emit: onName(any, (x, _o, s, p) => {
      const y = choose(
        s.bound().filter((n) => n !== x),
        p[1],
      );
      return y === undefined ? undefined : `print(${x} is ${y})`;
    }),
  },
  {
    name: "print id equal",
    needs: ["id"],
    weight: 6,
    emit: onName(any, (x, _o, s, p) => {
      const slot = choose([...s.ids].sort(), p[1]);
      return slot === undefined ? undefined : `print(id(${x}) == ${slot})`;
    }),
  },
  { name: "print collect", needs: ["gc"], weight: 4, emit: () => "print(gc.collect())" },
  {
    name: "print getsizeof",
    needs: ["getsizeof"],
    weight: 4,
    emit: onName(
      (o) => isSized(o) || isInstance(o),
      (x) => `print(sys.getsizeof(${x}))`,
    ),
  },
  { name: "print len", needs: ["len"], weight: 2, emit: onName(isSized, (x) => `print(len(${x}))`) },
];

/** Every statement the fuzzer knows, whatever is switched on. */
export const STATEMENTS: readonly Statement[] = [...constructorStatements(), ...OPERATIONS, ...PRINTS];

/** Definitions at the top of a program, each written only when a statement used its feature. */
export const DEFINITIONS: readonly { readonly needs: Feature; readonly lines: readonly string[] }[] = [
  { needs: "instance", lines: ["class K0(object):", "    pass"] },
  {
    needs: "finalizer",
    lines: [
      "class D0(object):",
      "    def __init__(self, label):",
      "        self.label = label",
      "    def __del__(self):",
      '        print("del D0", self.label)',
    ],
  },
  {
    needs: "call",
    lines: [
      "def keep(a):",
      "    return a",
      "def drop(a):",
      "    pass",
      "def count(a):",
      "    return sys.getrefcount(a)",
    ],
  },
];
