// C17's witness as a model session: free an object, flood every small size class with new objects of
// other types, and see whether the next object of the first type gets the freed address back (its type
// kept the memory: a free list or 2.7's block allocator) or not (it went back to pymalloc, and the
// flood took it). Then the caches: small ints, one-character strings, interning.
// Kept: the model refuses witness.py (line 16: the attribute '__mul__' of a str is not modelled yet).
import { type PyObject, type PythonSession, python } from "@pymem/core";

const TEXT = "object-specific";
/** The witness's int: above every small-int cache (3.15 caches up to 1024). */
const NUMBER = 5000;
/** The witness's flood: bytes objects of every length below 600. */
const BYTE_LENGTHS = Array.from({ length: 599 }, (_, i) => i + 1);

export const TYPES = ["int", "float", "str", "tuple", "list", "dict"] as const;
export type TypeName = (typeof TYPES)[number];

const MAKE: Record<TypeName, (py: PythonSession) => PyObject> = {
  int: (py) => py.int(NUMBER),
  float: (py) => py.float(NUMBER),
  str: (py) => py.str(TEXT.repeat(2)),
  tuple: (py) => py.tuple([py.int(1), py.int(2), py.int(3)]),
  list: (py) => py.list([py.int(1), py.int(2), py.int(3)]), // ITEMS[:]: a list of exactly 3 slots
  dict: (py) => py.dict([]),
};

/**
 * The flood: the witness's bytes objects, and one block in every size class pymalloc has. The block
 * per class stands for what covers the classes below the shortest bytes object: on 64-bit builds the
 * witness's complex numbers fill the 32-byte class of a one-digit int; on Pyodide, whose malloc has
 * no 16-byte classes, an int and a short bytes object get chunks of the same size. Returns a function
 * that frees it all.
 */
function flood(py: PythonSession, name: string): () => void {
  py.assign(name, py.tuple(BYTE_LENGTHS.map((n) => py.bytes("x".repeat(n)))));
  const blocks = oneBlockPerSizeClass(py);
  return () => {
    py.del(name);
    for (const b of blocks) py.pm.free(b);
  };
}

function oneBlockPerSizeClass(py: PythonSession): number[] {
  const { smallRequestThreshold, alignment } = py.pm.profile;
  const blocks: number[] = [];
  for (let n = alignment; n <= smallRequestThreshold; n += alignment) blocks.push(py.pm.malloc(n));
  return blocks;
}

/** Does a freed object of this type come back to the next one of its type, past the flood? */
export function keepsFreedObjects(py: PythonSession, type: TypeName): boolean {
  py.assign("x", MAKE[type](py));
  const address = py.id("x");
  py.del("x");
  const release = flood(py, "flood");
  py.assign("y", MAKE[type](py));
  const same = py.id("y") === address;
  py.del("y");
  release();
  return same;
}

export interface C17Readings {
  readonly keeps: Record<TypeName, boolean>;
  /** int(s) is int(s) for "256", "257", "1024", "1025". */
  readonly smallInts: readonly [string, boolean][];
  readonly chr255: boolean;
  readonly chr256: boolean;
  readonly equalStringsShared: boolean;
  readonly internedShared: boolean;
}

export function c17Readings(version: string, pointerSize: 4 | 8): C17Readings {
  const py = python(version, { pointerSize });
  // A real interpreter starts with live objects in every size class, so a pool does not empty when
  // the probe's one object is freed (an empty pool could go to another size class, which is not
  // what the witness shows). One live block per size class stands in for them.
  oneBlockPerSizeClass(py);
  const keeps = Object.fromEntries(TYPES.map((t) => [t, keepsFreedObjects(py, t)])) as Record<
    TypeName,
    boolean
  >;
  const same = (make: () => PyObject) => {
    const shared = py.is(make(), make());
    py.endStatement();
    return shared;
  };
  const smallInts = ["256", "257", "1024", "1025"].map(
    (s) => [s, same(() => py.int(Number(s)))] as [string, boolean],
  );
  const chr255 = same(() => py.str("\u00ff"));
  const chr256 = same(() => py.str("\u0100"));
  py.assign("a", py.str(TEXT.repeat(2)));
  py.assign("b", py.str(TEXT.repeat(2)));
  const equalStringsShared = py.is("a", "b");
  const internedShared = py.is(py.sys.intern("a"), py.sys.intern("b"));
  py.endStatement();
  return { keeps, smallInts, chr255, chr256, equalStringsShared, internedShared };
}

const py2 = (b: boolean) => (b ? "True" : "False");

export function c17Output(version: string, pointerSize: 4 | 8): string {
  const r = c17Readings(version, pointerSize);
  const lines = TYPES.map((t) => `${t} keeps its freed objects: ${py2(r.keeps[t])}`);
  for (const [s, shared] of r.smallInts) lines.push(`int('${s}') is int('${s}'): ${py2(shared)}`);
  lines.push(`chr(255) is chr(255): ${py2(r.chr255)}; chr(256) is chr(256): ${py2(r.chr256)}`);
  lines.push(
    `equal strings made apart are one object: ${py2(r.equalStringsShared)}; after intern: ${py2(r.internedShared)}`,
  );
  return lines.map((l) => `${l}\n`).join("");
}
