/*
 * 3.11+ compile `"..." % (a, b)` as an f-string when they can (Python/ast_opt.c @ 3.11,
 * optimize_format with parse_literal and simple_format_arg_parse): no tuple is built and no
 * PyUnicode_Format runs; each item goes through CONVERT_VALUE and FORMAT_SIMPLE / FORMAT_WITH_SPEC.
 * Which tuples qualify per version is rules.ts's percentFormatAsFString.
 */
import type { Expr, FormatPart } from "../frontend/ast.js";

/** A replacement field as optimize_format makes it; "a" (ascii) is one the model does not run. */
export type PercentField = {
  readonly value: Expr;
  readonly conversion: "s" | "r" | "a";
  readonly spec?: string;
};

/** simple_format_arg_parse's limit: a width or precision of three digits or more is left alone. */
const MAX_DIGITS = 3;

/**
 * The f-string parts `fmt % (items)` becomes: literal text ('%%' read as '%') and one field per
 * %s, %r or %a, whose flags are ignored but '-', and whose width and precision (at most two digits
 * each) become the spec (">5", "5", ".2"). Undefined where CPython keeps the % operation: another
 * conversion, a longer width or precision, a format that ends inside a conversion, or not as many
 * conversions as items.
 */
export function percentAsFString(fmt: string, items: readonly Expr[]): (string | PercentField)[] | undefined {
  const parts: (string | PercentField)[] = [];
  let pos = 0;
  let used = 0;
  for (;;) {
    let literal = "";
    while (pos < fmt.length) {
      if (fmt[pos] !== "%") literal += fmt[pos++];
      else if (fmt[pos + 1] === "%") {
        literal += "%";
        pos += 2;
      } else break;
    }
    if (literal) parts.push(literal);
    if (pos >= fmt.length) break;
    const value = items[used++];
    if (!value) return undefined;
    pos++; // the '%'
    const next = (): string | undefined => fmt[pos++];
    let ch = next();
    let leftAligned = false;
    while (ch !== undefined && "-+ #0".includes(ch)) {
      if (ch === "-") leftAligned = true;
      ch = next();
    }
    const number = (): number | undefined => {
      let n = 0;
      for (let digits = 0; ch !== undefined && ch >= "0" && ch <= "9"; ) {
        n = n * 10 + Number(ch);
        ch = next();
        if (++digits >= MAX_DIGITS) return undefined;
      }
      return n;
    };
    let width = -1;
    let precision = -1;
    if (ch !== undefined && ch >= "0" && ch <= "9") {
      const w = number();
      if (w === undefined) return undefined;
      width = w;
    }
    if (ch === ".") {
      ch = next();
      const p = number();
      if (p === undefined) return undefined;
      precision = p;
    }
    if (ch !== "s" && ch !== "r" && ch !== "a") return undefined;
    let spec = !leftAligned && width > 0 ? ">" : "";
    if (width >= 0) spec += String(width);
    if (precision >= 0) spec += `.${precision}`;
    parts.push(spec ? { value, conversion: ch, spec } : { value, conversion: ch });
  }
  return used === items.length ? parts : undefined;
}

/** The parts as the f-string the model runs, or the construct it refuses ('%a', a spec with a conversion). */
export function asFStringParts(parts: readonly (string | PercentField)[]): FormatPart[] | string {
  const out: FormatPart[] = [];
  for (const p of parts) {
    if (typeof p === "string") out.push(p);
    else if (p.conversion === "a") return "'%a' (3.11+ compile it as an f-string's !a)";
    else if (p.spec)
      return "a width or precision on '%s' or '%r' (3.11+ format it as an f-string with a spec)";
    else out.push({ value: p.value, conversion: p.conversion });
  }
  return out;
}
