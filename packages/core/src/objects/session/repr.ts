/*
 * str() / repr() of model objects, and of JS values handed to print(), the way Python shows them.
 */
import { NotModelledError } from "../../errors.js";
import type { ObjectProfile } from "../../profiles/object-profile.js";
import type { PyObject } from "../layout/pyobject.js";

/** repr(float): the shortest round-trip digits, in exponent form below 1e-4 and from 1e16 up. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mantissa, exponent] = v.toExponential().split("e") as [string, string];
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Object.is(v, -0)) return "-0.0";
  const s = String(v);
  return s.includes(".") ? s : `${s}.0`;
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** What Py_UNICODE_ISPRINTABLE calls non-printable: categories C and Z, except the space. */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/**
 * repr of str or bytes content, as unicode_repr and bytes_repr write it: \t, \n, \r by name; in
 * bytes every other byte below 0x20 or from 0x7f as \xNN; in a str every other non-printable
 * character as \xNN, \uNNNN or \UNNNNNNNN by its size (Unicode tables of the running Node).
 */
function strRepr(s: string, bytes = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\" || ch === quote) body += `\\${ch}`;
    else if (NAMED_ESCAPES[ch]) body += NAMED_ESCAPES[ch];
    else if (bytes ? c < 0x20 || c >= 0x7f : ch !== " " && NON_PRINTABLE.test(ch))
      body +=
        c < 0x100
          ? `\\x${c.toString(16).padStart(2, "0")}`
          : c < 0x10000
            ? `\\u${c.toString(16).padStart(4, "0")}`
            : `\\U${c.toString(16).padStart(8, "0")}`;
    else body += ch;
  }
  return `${quote}${body}${quote}`;
}

/**
 * The containers whose repr is being made, as CPython's Py_ReprEnter keeps them: a container met again
 * inside itself shows as [...] or {...} (list_repr, dict_repr), and from 3.0 a tuple as (...) (tuplerepr;
 * 2.7's goes on, and the list inside it stops the recursion).
 */
const reprInProgress = new Set<PyObject>();

const RECURSION_MARK: Partial<Record<PyObject["kind"], string>> = {
  list: "[...]",
  dict: "{...}",
  tuple: "(...)",
  set: "set(...)",
  frozenset: "frozenset(...)",
};

/**
 * repr(o). `inner` gives the repr of a container's items (default: this function), for callers whose
 * repr of some kinds differs (2.7's classic instances).
 */
export function repr(
  o: PyObject,
  profile: ObjectProfile,
  inner: (item: PyObject) => string = (item) => repr(item, profile),
): string {
  const mark = o.kind === "tuple" && profile.python[0] === 2 ? undefined : RECURSION_MARK[o.kind];
  if (mark === undefined) return reprOfKind(o, profile, inner);
  if (reprInProgress.has(o)) return mark;
  reprInProgress.add(o);
  try {
    return reprOfKind(o, profile, inner);
  } finally {
    reprInProgress.delete(o);
  }
}

function reprOfKind(o: PyObject, profile: ObjectProfile, inner: (item: PyObject) => string): string {
  const main = "__main__";
  switch (o.kind) {
    case "int":
      return String(o.value);
    case "long":
      return `${o.value}L`; // 2.7's repr marks longs; str() does not
    case "float":
      return floatRepr(o.value as number);
    case "str":
      // 2.7's str holds bytes: escaped as bytes_repr does (string_repr)
      return strRepr(o.value as string, profile.python[0] === 2);
    case "bytes":
      return (profile.python[0] === 2 ? "" : "b") + strRepr(o.value as string, true);
    case "none":
      return "None";
    case "bool":
      return o.value === 1n ? "True" : "False";
    case "tuple":
      return o.items.length === 1
        ? `(${inner(o.items[0] as PyObject)},)`
        : `(${o.items.map((i) => inner(i)).join(", ")})`;
    case "list":
      return `[${o.items.map((i) => inner(i)).join(", ")}]`;
    case "dict":
      // 2.7 lists a dict's keys in the order of its hash table's slots; the model keeps insertion order
      if (profile.python[0] === 2 && o.dictKeys.length > 1)
        throw new NotModelledError("the order of a 2.7 dict's keys (its hash table's slot order)");
      return `{${o.dictKeys.map((k, i) => `${inner(k)}: ${inner(o.dictValues[i] as PyObject)}`).join(", ")}}`;
    case "set":
    case "frozenset": {
      // set_repr: {1, 2} (an empty one: set()); 2.7 spells set([1, 2]); a frozenset always by name
      const keys = (o.setTable?.keys ?? []).filter((k): k is PyObject => typeof k === "object");
      if (keys.length > 1 && o.setTable?.orderKnown === false)
        throw new NotModelledError(`the order of a set's items (${o.setTable.unknownBecause})`);
      const items = keys.map((k) => inner(k)).join(", ");
      if (profile.python[0] === 2) return `${o.kind}([${items}])`;
      if (keys.length === 0) return `${o.kind}()`;
      return o.kind === "set" ? `{${items}}` : `frozenset({${items}})`;
    }
    case "instance":
      return `<${main}.${o.cls?.classSpec?.name} object at 0x${o.address.toString(16)}>`;
    case "class":
      return `<class '${main}.${o.classSpec?.name}'>`;
    case "object":
      return `<object object at 0x${o.address.toString(16)}>`;
    case "function":
      return `<function ${o.functionName} at 0x${o.address.toString(16)}>`;
    case "builtin":
      return String(o.value);
    case "iterator":
      return `<iterator object at 0x${o.address.toString(16)}>`;
    case "range": {
      const [start, stop, step] = o.items.map((i) => String(i.value));
      return step === "1" ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
    }
    case "complex":
      return complexRepr(o.value as number, o.imag);
    case "method-wrapper":
      return `<method-wrapper '${o.functionName}' of ${o.items[0]?.kind} object at 0x${o.address.toString(16)}>`;
    case "map":
      return `<map object at 0x${o.address.toString(16)}>`;
    case "method":
      return `<bound method ${o.items[0]?.functionName} of ${inner(o.items[1] as PyObject)}>`;
    case "builtin-method":
      return `<built-in method of ${o.items[0]?.kind} object at 0x${o.items[0]?.address.toString(16)}>`;
    case "unicode":
      return `u${strRepr(o.value as string)}`;
    case "weakref": {
      const at = `<weakref at 0x${o.address.toString(16)}; `;
      const to = o.referent;
      if (!to) return `${at}dead>`;
      return `${at}to '${to.cls?.classSpec?.name ?? to.kind}' at 0x${to.address.toString(16)}>`;
    }
  }
}

/**
 * complex_repr: each part as repr() of a float but without an added ".0"; no real part shown
 * when it is +0 ("2j"), else "(re+imj)".
 */
export function complexRepr(re: number, im: number): string {
  const part = (x: number) => floatRepr(x).replace(/\.0$/, "").replace(/\.0e/, "e");
  const imag = `${part(im)}j`;
  if (re === 0 && !Object.is(re, -0)) return imag;
  return `(${part(re)}${im >= 0 || Number.isNaN(im) ? "+" : ""}${imag})`;
}

/** str(o) for print(): like repr except for str objects themselves. */
export function formatValue(
  a: PyObject | string | number | bigint | boolean | null,
  profile: ObjectProfile,
): string {
  if (a === null) return "None";
  if (typeof a === "boolean") return a ? "True" : "False";
  if (typeof a === "string") return a;
  if (typeof a === "number") return Number.isInteger(a) ? String(a) : floatRepr(a);
  if (typeof a === "bigint") return String(a);
  if (a.kind === "str") return a.value as string;
  if (a.kind === "long") return String(a.value);
  return repr(a, profile);
}
