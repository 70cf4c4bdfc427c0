/*
 * Number and string literals as Python reads them (Reference, "Lexical analysis": integer, floating
 * point and string literals). Complex numbers and \N{...} escapes are refused.
 */
import { PythonSyntaxError, UnsupportedError } from "../errors.js";
import type { Constant } from "./ast.js";

export function parseNumber(text: string, line: number): Constant {
  const t = text.replace(/_/g, "");
  if (/[jJ]$/.test(t)) throw new UnsupportedError(line, "a complex number");
  if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[oO][0-7]+$/.test(t) || /^0[bB][01]+$/.test(t))
    return { type: "int", value: BigInt(t) };
  if (/^(0+|[1-9][0-9]*)$/.test(t)) return { type: "int", value: BigInt(t) };
  if (/^[0-9]+[lL]$/.test(t) || /^0[0-7]+$/.test(t))
    throw new PythonSyntaxError(line, "invalid syntax (a Python 2 number literal)");
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return { type: "float", value: Number(t) };
  throw new PythonSyntaxError(line, "invalid decimal literal");
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/** A str or bytes literal (quotes and prefix included) → its value; bytes as a latin-1 string. */
export function parseStringLiteral(text: string, line: number): { value: string; bytes: boolean } {
  const prefix = (/^[a-zA-Z]*/.exec(text)?.[0] ?? "").toLowerCase();
  if (!/^(r|u|b|br|rb|f|fr|rf)?$/.test(prefix)) throw new PythonSyntaxError(line, "invalid syntax");
  const bytes = prefix.includes("b");
  const raw = prefix.includes("r");
  let body = text.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
  body = body.slice(quote, body.length - quote);
  if (raw) return { value: body, bytes };
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== "\\") {
      if (bytes && ch.charCodeAt(0) > 127)
        throw new PythonSyntaxError(line, "bytes can only contain ASCII literal characters");
      out += ch;
      continue;
    }
    const next = body[++i] ?? "";
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i))?.[0] ?? next;
      out += String.fromCharCode(Number.parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === "x" || (!bytes && (next === "u" || next === "U"))) {
      const n = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hexDigits = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hexDigits))
        throw new PythonSyntaxError(line, `(unicode error) truncated \\${next} escape`);
      out += String.fromCodePoint(Number.parseInt(hexDigits, 16));
      i += n;
    } else if (next === "N" && !bytes) throw new UnsupportedError(line, "a \\N{...} escape");
    else out += `\\${next}`; // an unknown escape keeps its backslash
  }
  return { value: out, bytes };
}
