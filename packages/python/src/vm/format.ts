/*
 * Text made from values: `%`-formatting, str.format and f-string replacement fields ("{}", "{0}",
 * "{:>8}", "{0:.2f}", "{!r}"). The format spec mini-language is covered for fill, align, sign,
 * width, precision and the types s d f x X %; printf's flags - + space 0 and precision for
 * %s %r %d %i %f %x %X. Anything else is refused, and so are the error cases, whose wording
 * varies between versions.
 */
import type { ObjectHeap, PyObject } from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import { PyException } from "./exceptions.js";
import { fixedText } from "./number-text.js";
import { refuseUnknownCount, reprOf, str } from "./values.js";

/** Pads `s` to `width` as printf and the spec language do; '=' puts the padding after the sign. */
function pad(s: string, width: number, align: string, fill: string): string {
  if (s.length >= width) return s;
  const n = width - s.length;
  if (align === "<") return s + fill.repeat(n);
  if (align === "^") return fill.repeat(Math.floor(n / 2)) + s + fill.repeat(n - Math.floor(n / 2));
  if (align === "=") {
    const signed = /^[-+ ]/.test(s) ? 1 : 0;
    return s.slice(0, signed) + fill.repeat(n) + s.slice(signed);
  }
  return fill.repeat(n) + s;
}

/** The sign flag applied to a number's text ('+': always a sign, ' ': a space for non-negatives). */
function signed(s: string, sign: string | undefined): string {
  return (sign === "+" || sign === " ") && !s.startsWith("-") ? sign + s : s;
}

const SPEC = /^(?:(.)?([<>^=]))?([-+ ])?(0)?(\d+)?(?:\.(\d+))?([sdfxX%]?)$/;

function applySpec(given: PyObject, spec: string, heap: ObjectHeap, line: number): string {
  const m = SPEC.exec(spec);
  if (!m) throw new UnsupportedError(line, `the format spec '${spec}'`);
  const [, fillGiven, alignGiven, sign, zero, width, precision, type] = m;
  refuseUnknownCount(given);
  // bool formats as the int it is once a spec is given (int.__format__)
  const o = given.kind === "bool" ? heap.int(given.value as bigint) : given;
  const numeric = o.kind === "int" || o.kind === "float";
  if (!numeric && (sign || zero || alignGiven === "=" || (o.kind === "str" && type && type !== "s")))
    throw new UnsupportedError(line, `the format spec '${spec}' for a ${o.kind}`);
  let s: string;
  if (type === "f" || type === "%") {
    if (!numeric) throw new UnsupportedError(line, `the format spec '${spec}' for a ${o.kind}`);
    const v = o.kind === "float" ? (o.value as number) : Number(o.value as bigint);
    const digits = Number(precision ?? 6);
    s = type === "%" ? `${fixedText(v * 100, digits)}%` : fixedText(v, digits);
  } else if (type === "d" || type === "x" || type === "X" || (type === "" && o.kind === "int")) {
    if (o.kind !== "int" || precision !== undefined)
      throw new UnsupportedError(line, `the format spec '${spec}' for a ${o.kind}`);
    const v = o.value as bigint;
    s = type === "x" ? v.toString(16) : type === "X" ? v.toString(16).toUpperCase() : v.toString();
  } else if (numeric) {
    // a float with no type: repr-like, or 'g'-like with a precision; 's' on a number is an error
    if (type !== "" || precision !== undefined)
      throw new UnsupportedError(line, `the format spec '${spec}' for a ${o.kind}`);
    s = str(o, heap);
  } else {
    s = str(o, heap);
    if (precision !== undefined) s = s.slice(0, Number(precision));
  }
  if (numeric) s = signed(s, sign);
  if (o !== given) heap.decref(o);
  const align = alignGiven ?? (zero ? "=" : numeric ? ">" : "<");
  return pad(s, Number(width ?? 0), align, fillGiven ?? (zero ? "0" : " "));
}

/** The replacement fields of a str.format template, in order, and the text around them. */
function templateParts(fmt: string, line: number): (string | string[])[] {
  const parts: (string | string[])[] = [];
  let text = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] as string;
    if ((c === "{" || c === "}") && fmt[i + 1] === c) {
      text += c;
      i++;
    } else if (c === "{") {
      const end = fmt.indexOf("}", i);
      const field = end < 0 ? "" : fmt.slice(i + 1, end);
      // a nested field ("{0:{1}}") or a lone brace (a ValueError): refused
      if (end < 0 || field.includes("{"))
        throw new UnsupportedError(line, `the replacement field in '${fmt}'`);
      parts.push(text, [field]);
      text = "";
      i = end;
    } else if (c === "}") throw new UnsupportedError(line, `a single '}' in '${fmt}'`);
    else text += c;
  }
  parts.push(text);
  return parts;
}

/** What a format tells its caller of: each value PyObject_Format formats, each one shown by !r, !s, %s or %r. */
export interface FormatHooks {
  readonly formatted?: (o: PyObject, spec: string) => void;
  readonly shown?: (o: PyObject) => void;
}

/**
 * fmt.format(*args): positional fields only ({} or {N}, not both), each with an optional !r/!s and
 * spec; `hooks` are told of each value as it is formatted or shown.
 */
export function formatString(
  fmt: string,
  args: readonly PyObject[],
  heap: ObjectHeap,
  line: number,
  hooks: FormatHooks = {},
): string {
  let auto = 0;
  let numbered = false;
  return templateParts(fmt, line)
    .map((part) => {
      if (typeof part === "string") return part;
      const field = part[0] as string;
      const m = /^(\d*)(?:!([rs]))?(?::(.*))?$/.exec(field);
      if (!m) throw new UnsupportedError(line, `the replacement field '{${field}}'`);
      const [, index, conversion, spec] = m;
      if (index) numbered = true;
      if (numbered && (auto > 0 || !index))
        throw new UnsupportedError(line, "mixing numbered and automatic replacement fields");
      const o = args[index ? Number(index) : auto++];
      if (!o) throw new PyException("IndexError", "Replacement index out of range for positional args tuple");
      if (conversion === "r") {
        if (spec) throw new UnsupportedError(line, "'!r' with a format spec");
        hooks.shown?.(o);
        return reprOf(o, heap);
      }
      if (conversion === undefined) hooks.formatted?.(o, spec ?? "");
      else hooks.shown?.(o);
      return spec ? applySpec(o, spec, heap, line) : str(o, heap);
    })
    .join("");
}

/**
 * The argument a 3.x format returns as it is: a template that is one replacement field with no spec
 * and no conversion but !s ("{}", "{0!s}", "%s", f"{x}"), of an exact str. PyObject_Format and the
 * unicode writer hand that str back (Objects/abstract.c, PyObject_Format; Objects/unicodeobject.c,
 * _PyUnicodeWriter_WriteStr, which keeps a lone string as the result): measured on native 3.6 – 3.13
 * and Pyodide 3.10 – 3.15, `"{}".format(s) is s`; 2.7 makes a new str.
 */
export function returnedAsIs(template: string, value: PyObject, python2: boolean): boolean {
  return !python2 && value.kind === "str" && /^(?:\{\d*(?:!s)?:?\}|%s)$/.test(template);
}

const PRINTF = /%(?:([-+ 0#]*)(\d*)(?:\.(\d+))?([a-zA-Z%]))?/g;

/**
 * fmt % args for str and bytes: %s %r %d %i %f %x %X and %%, with printf's flags - + space 0,
 * width and precision. Other conversions, '#', '*' and mapping keys are refused.
 */
export function percentFormat(
  fmt: string,
  args: PyObject,
  heap: ObjectHeap,
  line: number,
  shown?: (o: PyObject) => void,
): string {
  const values = args.kind === "tuple" ? args.items : [args];
  let i = 0;
  const text = fmt.replace(PRINTF, (whole, flags = "", width: string, precision: string, conv?: string) => {
    if (conv === "%" && whole === "%%") return "%";
    if (conv === undefined || !"srdifxX".includes(conv) || flags.includes("#"))
      throw new UnsupportedError(line, `the conversion '${whole}'`);
    const v = values[i++];
    if (!v) throw new PyException("TypeError", "not enough arguments for format string");
    refuseUnknownCount(v);
    const numeric = conv !== "s" && conv !== "r";
    let s: string;
    if (!numeric) {
      shown?.(v);
      s = conv === "s" ? str(v, heap) : reprOf(v, heap);
      if (precision !== undefined) s = s.slice(0, Number(precision));
    } else {
      if (v.kind !== "int" && v.kind !== "bool" && v.kind !== "float")
        throw new UnsupportedError(line, `'%${conv}' of a ${v.kind}`);
      if (conv === "f")
        s = fixedText(
          v.kind === "float" ? (v.value as number) : Number(v.value as bigint),
          Number(precision ?? 6),
        );
      else {
        if (v.kind === "float" && ((conv !== "d" && conv !== "i") || !Number.isFinite(v.value as number)))
          throw new UnsupportedError(line, `'%${conv}' of a float`);
        const n = v.kind === "float" ? BigInt(Math.trunc(v.value as number)) : (v.value as bigint);
        const digits = (n < 0n ? -n : n).toString(conv === "x" || conv === "X" ? 16 : 10);
        const body = digits.padStart(Number(precision ?? 0), "0");
        s = (n < 0n ? "-" : "") + (conv === "X" ? body.toUpperCase() : body);
      }
      s = signed(s, flags.includes("+") ? "+" : flags.includes(" ") ? " " : undefined);
    }
    const left = flags.includes("-");
    const zeros = numeric && !left && flags.includes("0");
    return pad(s, Number(width || 0), left ? "<" : zeros ? "=" : ">", zeros ? "0" : " ");
  });
  if (i < values.length)
    throw new PyException("TypeError", "not all arguments converted during string formatting");
  return text;
}
