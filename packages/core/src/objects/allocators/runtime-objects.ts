/*
 * Objects the interpreter makes for itself and shares with every program: None, True, False, the
 * small ints -5 .. 256, the empty tuple / str / bytes and the one-character latin-1 strings.
 *
 * What their counts mean changes by version (Include/object.h, pycore_object.h, refcount.h):
 *   ≤3.10  ordinary objects the runtime holds references to: counts move, their values are unknowable
 *   3.11   statically allocated ones (small ints, latin-1 chars, empty tuple/str/bytes) start at
 *          999,999,999 and still move; None/True/False do not belong to that group
 *   3.12+  all of them are immortal (PEP 683): their counts never change
 * The model gives them addresses in a fixed "static data" region, so id() works on them.
 */

import type { ObjectProfile } from "../../profiles/object-profile.js";
import type { Kind, Lifetime, PyObject } from "../layout/pyobject.js";
import { bytesSize, intSize, type ObjectSize, strSize, tupleSize } from "../layout/sizes.js";

/** Where runtime objects live in the simulated address space (like a binary's data segment). */
export const STATIC_REGION_BASE = 0x5555_0000_0000;

type Make = (kind: Kind, lifetime: Lifetime, size: ObjectSize | undefined) => PyObject;

export class RuntimeObjects {
  readonly none: PyObject;
  readonly true: PyObject;
  readonly false: PyObject;
  readonly emptyTuple: PyObject;
  private readonly smallInts = new Map<bigint, PyObject>();
  private readonly strs = new Map<string, PyObject>();
  private readonly byteStrings = new Map<string, PyObject>();
  private readonly identifiers = new Map<string, PyObject>();
  /** Objects CPython allocates statically (in _PyRuntime), as opposed to interned identifiers. */
  private readonly statics = new Set<PyObject>();
  private next = STATIC_REGION_BASE;
  private readonly cachedLifetime: Lifetime;

  constructor(
    private readonly profile: ObjectProfile,
    private readonly make: Make,
  ) {
    const [major, minor] = profile.python;
    const v = major * 100 + minor;
    this.cachedLifetime = v >= 312 ? "immortal" : v === 311 ? "static" : "runtime-held";
    const singletons: Lifetime = v >= 312 ? "immortal" : "runtime-held";
    this.none = this.create("none", singletons, undefined);
    this.true = this.create("bool", singletons, 1n);
    this.false = this.create("bool", singletons, 0n);
    this.emptyTuple = this.create("tuple", this.cachedLifetime, undefined);
  }

  /** Gives `bytes` of static address space; runtime objects and class objects use it. */
  staticAddress(bytes: number): number {
    const a = this.next;
    this.next += Math.ceil(bytes / 16) * 16;
    return a;
  }

  smallInt(v: bigint): PyObject | undefined {
    const [low, high] = this.profile.smallInts;
    if (v < BigInt(low) || v > BigInt(high)) return undefined;
    return this.cached(this.smallInts, v, "int", v);
  }

  /** The empty str and one-character latin-1 strings are shared (3.x; 2.7 caches one-byte str). */
  str(s: string): PyObject | undefined {
    // one character at most, and latin-1 (a character above U+FFFF is two code units, so longer)
    if (s.length > 1 || (s.length === 1 && s.charCodeAt(0) > 0xff)) return undefined;
    return this.cached(this.strs, s, "str", s);
  }

  /**
   * A name as it appears in code (an attribute name): one interned str the code object holds, shared
   * by every use, so storing it as a dict key allocates nothing. Immortal where interning makes
   * strings immortal (3.12.0 – 3.12.6), else held by the runtime: code objects start-up loaded may
   * hold the same string (getrefcount of a code constant "hello" is 4 on 3.13.0 and on Pyodide's
   * 3.12.7, UINT_MAX on 3.12.1).
   */
  identifier(name: string): PyObject {
    const cached = this.str(name);
    if (cached && ([...name].length !== 1 || this.oneCharacterConstantsShared)) return cached;
    let o = this.identifiers.get(name);
    if (!o) {
      o = this.create("str", this.profile.refcounts.internImmortal ? "immortal" : "runtime-held", name);
      this.identifiers.set(name, o);
    }
    return o;
  }

  /**
   * Whether a one-character latin-1 constant is the runtime's shared one-character str (what chr()
   * returns). Not from 3.11.0 to 3.12.6: the compiler interns its own object, and sys.intern of the
   * shared one finds that ("a" is chr(97) and sys.intern(chr(97)) is chr(97) print False on 3.11.7,
   * Pyodide's 3.11.3 and 3.12.1; True on 3.8, Pyodide's 3.12.7 and 3.13). 3.12.7 came with the
   * interning rework of gh-113993, which looks such strings up among the singletons.
   */
  get oneCharacterConstantsShared(): boolean {
    const [major, minor, micro = 0] = this.profile.python;
    const v = major * 100 + minor;
    return !(v === 311 || (v === 312 && micro < 7));
  }

  /** The identifier made for `name` so far, if any (sys.intern finds it: the compiler interned it). */
  existingIdentifier(name: string): PyObject | undefined {
    return this.identifiers.get(name);
  }

  /**
   * A builtin function, module or type: made and held by the runtime; its count moves but includes
   * references the model cannot see. `shown` is how repr() shows it ("<built-in function len>").
   */
  builtin(shown: string): PyObject {
    const o = this.make("builtin", "runtime-held", undefined);
    o.value = shown;
    o.address = this.staticAddress(64);
    return o;
  }

  /**
   * A value whose memory the model cannot place (say, a count it only knows a lower bound of): an
   * object of `kind` outside pymalloc that is never freed (its count starts far from zero).
   */
  opaque(kind: Kind, value: bigint | string): PyObject {
    const o = this.make(kind, "runtime-held", undefined);
    o.refcnt = 2 ** 30;
    o.value = value;
    o.address = this.staticAddress(32);
    return o;
  }

  /** The empty bytes and the one-byte bytes objects are shared. */
  bytes(s: string): PyObject | undefined {
    if (s.length > 1) return undefined;
    return this.cached(this.byteStrings, s, "bytes", s);
  }

  private cached<K>(map: Map<K, PyObject>, key: K, kind: Kind, value: bigint | string): PyObject {
    let o = map.get(key);
    if (!o) {
      o = this.create(kind, this.cachedLifetime, value);
      map.set(key, o);
    }
    return o;
  }

  private sizeOf(kind: Kind, value: bigint | string | undefined): ObjectSize | undefined {
    const p = this.profile;
    if (kind === "int" && typeof value === "bigint") return intSize(p, value);
    if (kind === "str" && typeof value === "string") {
      const size = strSize(p, value);
      const utf8 = p.latin1CharsCarryUtf8 && value.length === 1 && value.charCodeAt(0) >= 0x80;
      return utf8 ? { ...size, body: size.body + 3 } : size;
    }
    if (kind === "bytes" && typeof value === "string") return bytesSize(p, value.length);
    if (kind === "tuple") return tupleSize(p, 0);
    return undefined;
  }

  private create(kind: Kind, lifetime: Lifetime, value: bigint | string | undefined): PyObject {
    const o = this.make(kind, lifetime, this.sizeOf(kind, value));
    o.value = value;
    o.address = this.staticAddress(32);
    o.refcnt = lifetime === "static" ? 999_999_999 : 1;
    if (kind !== "str" || typeof value !== "string" || [...value].length <= 1) this.statics.add(o);
    return o;
  }

  /** Is this one of the runtime's statically allocated objects (not an interned identifier)? */
  isStaticallyAllocated(o: PyObject): boolean {
    return this.statics.has(o);
  }
}
