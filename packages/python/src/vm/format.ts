/*
 * str.format and f-string replacement fields: "{}", "{0}", "{:>8}", "{0:.2f}", "{!r}". The format
 * spec mini-language is covered for fill, align, sign, width, precision and the types s d f x X;
 * anything else is refused.
 */
import type { ObjectHeap, PyObject } from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import { PyException } from "./exceptions.js";
import { refuseUnknownCount, reprOf, str } from "./values.js";

const SPEC = /^(?:(.)?([<>^=]))?([-+ ])?(0)?(\d+)?(?:\.(\d+))?([sdfxXr%]?)$/;

function applySpec(o: PyObject, spec: string, heap: ObjectHeap, line: number): string {
  const m = SPEC.exec(spec);
  if (!m) throw new UnsupportedError(line, `the format spec '${spec}'`);
  const [, fill = " ", alignGiven, sign, zero, width, precision, type] = m;
  refuseUnknownCount(o);
  const numeric = o.kind === "int" || o.kind === "float" || o.kind === "bool";
  let s: string;
  if (type === "f" || type === "%" || (type === "" && precision !== undefined && o.kind === "float")) {
    if (!numeric)
      throw new PyException("ValueError", `Unknown format code '${type}' for object of type 'str'`);
    const v = o.kind === "float" ? (o.value as number) : Number(o.value as bigint);
    s = type === "%" ? `${(v * 100).toFixed(Number(precision ?? 6))}%` : v.toFixed(Number(precision ?? 6));
  } else if (type === "d" || type === "x" || type === "X") {
    if (o.kind !== "int" && o.kind !== "bool") throw new UnsupportedError(line, `'${type}' of a ${o.kind}`);
    const v = o.value as bigint;
    s = type === "d" ? v.toString() : type === "x" ? v.toString(16) : v.toString(16).toUpperCase();
  } else if (type === "r") throw new UnsupportedError(line, "the format type 'r'");
  else {
    if (precision !== undefined && o.kind === "str") s = (o.value as string).slice(0, Number(precision));
    else s = str(o, heap);
  }
  if (sign === "+" && numeric && !s.startsWith("-")) s = `+${s}`;
  if (sign === " " && numeric && !s.startsWith("-")) s = ` ${s}`;
  const w = Number(width ?? 0);
  const align = alignGiven ?? (zero ? "=" : numeric ? ">" : "<");
  const padChar = alignGiven ? fill : zero ? "0" : " ";
  if (s.length >= w) return s;
  const pad = padChar.repeat(w - s.length);
  if (align === "<") return s + pad;
  if (align === ">") return pad + s;
  if (align === "^") {
    const left = Math.floor((w - s.length) / 2);
    return padChar.repeat(left) + s + padChar.repeat(w - s.length - left);
  }
  const signed = /^[-+ ]/.test(s) ? 1 : 0;
  return s.slice(0, signed) + pad + s.slice(signed);
}

/**
 * fmt.format(*args): positional fields only ({} or {N}), each with an optional !r/!s and spec.
 * `formatted` is told of each value PyObject_Format formats (not a !r or !s field).
 */
export function formatString(
  fmt: string,
  args: readonly PyObject[],
  heap: ObjectHeap,
  line: number,
  formatted?: (o: PyObject, spec: string) => void,
): string {
  let auto = 0;
  return fmt.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, field: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    const m = /^(\d*)(?:!([rs]))?(?::(.*))?$/.exec(field ?? "");
    if (!m) throw new UnsupportedError(line, `the replacement field '{${field}}'`);
    const [, index, conversion, spec] = m;
    const o = args[index ? Number(index) : auto++];
    if (!o) throw new PyException("IndexError", "Replacement index out of range for positional args tuple");
    const shown = conversion === "r" ? reprOf(o, heap) : undefined;
    if (shown !== undefined) {
      if (spec) throw new UnsupportedError(line, "'!r' with a format spec");
      return shown;
    }
    if (conversion === undefined) formatted?.(o, spec ?? "");
    return spec ? applySpec(o, spec, heap, line) : str(o, heap);
  });
}
