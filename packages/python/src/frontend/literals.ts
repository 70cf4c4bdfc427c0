/*
 * Number and string literals as Python reads them (Reference, "Lexical analysis": integer, floating
 * point and string literals). Complex numbers and \N{...} escapes are refused.
 */
import { PythonSyntaxError, UnsupportedError } from "../errors.js";
import type { Constant } from "./ast.js";
import { isPython2, NEWEST, type PythonVersion, since } from "./version.js";

const DIGITS = "[0-9](?:_?[0-9])*";
const FLOAT = new RegExp(`^(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?$`);
const BASES: Readonly<Record<string, { digits: RegExp; name: string }>> = {
  x: { digits: /^(?:_?[0-9a-fA-F])+$/, name: "hexadecimal" },
  o: { digits: /^(?:_?[0-7])+$/, name: "octal" },
  b: { digits: /^(?:_?[01])+$/, name: "binary" },
};

/**
 * A number literal (one token, as written) → its value, or the SyntaxError CPython's tokenizer gives
 * for it on `py` (Parser/tokenizer.c: the messages changed in 3.8 and again in 3.10).
 */
export function parseNumber(text: string, line: number, py: PythonVersion = NEWEST): Constant {
  const fail = (modern: string): never => {
    throw new PythonSyntaxError(line, since(py, 3, 8) ? modern : "invalid token");
  };
  if (isPython2(py)) {
    // no underscores before 3.6 (PEP 515): 2.7 ends the number at the '_' and reads a name
    if (text.includes("_"))
      throw new PythonSyntaxError(line, /^0[xob]_/i.test(text) ? "invalid token" : "invalid syntax");
    if (/[lL]$/.test(text)) throw new UnsupportedError(line, "a Python 2 long literal");
    if (/^0[0-7]+$/.test(text)) return { type: "int", value: BigInt(`0o${text.slice(1)}`) };
  }
  const base = BASES[text.slice(0, 2).toLowerCase().slice(1)];
  if (text[0] === "0" && base) {
    if (!base.digits.test(text.slice(2))) fail(`invalid ${base.name} literal`);
    return { type: "int", value: BigInt(text.replace(/_/g, "")) };
  }
  if (/[jJ]$/.test(text)) {
    if (!FLOAT.test(text.slice(0, -1))) fail("invalid imaginary literal");
    throw new UnsupportedError(line, "a complex number");
  }
  if (new RegExp(`^${DIGITS}$`).test(text)) {
    // 010 was octal in Python 2; 3.x refuses a leading zero unless the number is zero
    if (/^0/.test(text) && /[1-9]/.test(text))
      fail(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
      );
    return { type: "int", value: BigInt(text.replace(/_/g, "")) };
  }
  if (FLOAT.test(text)) return { type: "float", value: Number(text.replace(/_/g, "")) };
  return fail("invalid decimal literal");
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
export function parseStringLiteral(
  text: string,
  line: number,
  py: PythonVersion = NEWEST,
): { value: string; bytes: boolean } {
  const prefix = (/^[a-zA-Z]*/.exec(text)?.[0] ?? "").toLowerCase();
  // 2.7 reads ur'' (raw unicode) but not rb''; 3.x the other way round
  const prefixes = isPython2(py) ? /^(r|u|ur|b|br)?$/ : /^(r|u|b|br|rb|f|fr|rf)?$/;
  if (!prefixes.test(prefix)) throw new PythonSyntaxError(line, "invalid syntax");
  const bytes = prefix.includes("b");
  const raw = prefix.includes("r");
  let body = text.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
  body = body.slice(quote, body.length - quote);
  // 2.7's ur'' still reads \u and \U escapes
  if (prefix === "ur" && /\\[uU]/.test(body))
    throw new UnsupportedError(line, "a \\u escape in a ur'' literal");
  // 2.7: a literal without u is a byte string: its source characters are the file's UTF-8 bytes,
  // and \u, \U, \N are no escapes there (Python/ast.c, decode_unicode only for u'')
  const byteString = bytes || (isPython2(py) && !prefix.includes("u"));
  const sourceBytes = (ch: string) => (byteString ? utf8Bytes(ch) : ch);
  if (raw) return { value: isPython2(py) ? [...body].map(sourceBytes).join("") : body, bytes };
  let out = "";
  for (let i = 0; i < body.length; i++) {
    // a whole character, two code units above U+FFFF
    const ch = String.fromCodePoint(body.codePointAt(i) as number);
    if (ch.length === 2) i++;
    if (ch !== "\\") {
      if (bytes && ch.charCodeAt(0) > 127 && !isPython2(py))
        throw new PythonSyntaxError(line, "bytes can only contain ASCII literal characters");
      out += isPython2(py) ? sourceBytes(ch) : ch;
      continue;
    }
    const next = body[++i] ?? "";
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i))?.[0] ?? next;
      out += String.fromCharCode(Number.parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === "x" || (!byteString && (next === "u" || next === "U"))) {
      const n = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hexDigits = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hexDigits))
        throw new PythonSyntaxError(line, `(unicode error) truncated \\${next} escape`);
      out += String.fromCodePoint(Number.parseInt(hexDigits, 16));
      i += n;
    } else if (next === "N" && !byteString) throw new UnsupportedError(line, "a \\N{...} escape");
    else out += `\\${next}`; // an unknown escape keeps its backslash
  }
  return { value: out, bytes };
}

/** A character as the bytes of its UTF-8 form, each a latin-1 character (how 2.7 holds a str). */
export function utf8Bytes(ch: string): string {
  const c = ch.codePointAt(0) as number;
  if (c < 0x80) return ch;
  const tail = (shift: number) => 0x80 | ((c >> shift) & 0x3f);
  const bytes =
    c < 0x800
      ? [0xc0 | (c >> 6), tail(0)]
      : c < 0x10000
        ? [0xe0 | (c >> 12), tail(6), tail(0)]
        : [0xf0 | (c >> 18), tail(12), tail(6), tail(0)];
  return String.fromCharCode(...bytes);
}
