/*
 * Tokens @lezer/python reads differently from CPython's tokenizer (Parser/tokenizer.c), and the
 * tokenizer's own SyntaxErrors.
 *
 * respell() gives lezer a copy of the source in which such tokens are spelled so that lezer finds
 * the same token boundaries CPython does. Every change keeps the length, so offsets (and lines) in
 * lezer's tree are offsets in the real source, which is what the lowering reads values from:
 *   1.  1.e3  5.j   lezer reads `1 .e3` (attribute access); spelled 10, 1e03, 05j
 *   10L  0xFFl      2.7 long literals; the suffix is spelled 0
 *   ur"a"           2.7 raw unicode; spelled br"a" (lezer's raw prefix)
 *   f"\{n}"         lezer reads \{ as an escaped brace; CPython keeps the backslash and reads {n}
 *
 * tokenErrors() lists the tokenizer's errors (bad number literals, string prefixes, f-string rules),
 * each at its offset, so the caller can report the first problem in the source, as CPython does.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@lezer/python";
import { PythonSyntaxError, UnsupportedError } from "../errors.js";
import { BoundedCache } from "./cache.js";
import { parseNumber, parseStringLiteral } from "./literals.js";
import { isPython2, type PythonVersion, since } from "./version.js";

/** A name character (Reference, "Identifiers"): what may not follow a number directly. */
const NAME_CHAR = /[A-Za-z0-9_\u0080-\uffff]/;
const WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/;

/** Keywords a number may run into (`1if x else 2`): the tokenizer ends the number there. */
const KEYWORDS = new Set(["and", "else", "for", "if", "in", "is", "not", "or"]);

export interface Respelled {
  tree: Tree;
  /** tokenizer errors found while respelling (a float such as `1.real`), by offset */
  errors: Map<number, PythonSyntaxError>;
}

/** lezer's trees by text: most versions respell a program the same way, and lezer reads it once. */
const TREES = new BoundedCache<Tree>(64);
const lezerTree = (text: string): Tree => TREES.get(text, () => parser.parse(text));

/** Parses `text` with lezer after respelling the tokens lezer reads differently from CPython. */
export function respell(text: string, py: PythonVersion, lineOf: (offset: number) => number): Respelled {
  const chars = text.split("");
  const errors = new Map<number, PythonSyntaxError>();
  let tree = lezerTree(text);
  // a number respelled once is not looked at again (10 from `1.` is followed by what followed `1.`)
  const done = new Set<number>();
  for (let round = 0; round < 3; round++) {
    let changed = false;
    const set = (at: number, s: string) => {
      for (let i = 0; i < s.length; i++) {
        if (chars[at + i] !== s[i]) changed = true;
        chars[at + i] = s[i] as string;
      }
    };
    const current = chars.join("");
    tree.iterate({
      enter: (n) => {
        if (n.name === "Number" && !done.has(n.from)) {
          done.add(n.from);
          respellNumber(n.node, current, py, set, errors, lineOf);
        } else if (
          n.name === "VariableName" &&
          isPython2(py) &&
          /^[uU][rR]["']/.test(current.slice(n.from, n.to + 1))
        )
          set(n.from, "b");
        else if (n.name === "FormatString") respellFString(n.node, current, set);
      },
    });
    if (!changed) break;
    tree = lezerTree(chars.join(""));
  }
  return { tree, errors };
}

function respellNumber(
  n: SyntaxNode,
  text: string,
  py: PythonVersion,
  set: (at: number, s: string) => void,
  errors: Map<number, PythonSyntaxError>,
  lineOf: (offset: number) => number,
): void {
  const digits = text.slice(n.from, n.to);
  const after = text.slice(n.to, n.to + 40);
  if (isPython2(py) && /^(0[xob])?[0-9a-f]+$/i.test(digits) && /^[lL](?![A-Za-z0-9_])/.test(after)) {
    set(n.to, "0");
    return;
  }
  if (!/^[0-9_]+$/.test(digits) || after[0] !== ".") return;
  const rest = after.slice(1);
  const exponent = /^([eE])([+-]?)[0-9]/.exec(rest);
  if (exponent) set(n.to, `${exponent[1]}${exponent[2]}0`);
  else if (/^[jJ](?![A-Za-z0-9_\u0080-\uffff])/.test(rest)) set(n.from, `0${digits}`);
  else if (NAME_CHAR.test(rest[0] ?? "") && !KEYWORDS.has(WORD.exec(rest)?.[0] ?? "")) {
    // `1.real`: the float `1.` runs into a name
    const reason = since(py, 3, 10) ? "invalid decimal literal" : "invalid syntax";
    errors.set(n.from, new PythonSyntaxError(lineOf(n.from), reason));
  } else set(n.to, "0");
}

/** `\{` in an f-string: a backslash, then a replacement field (lezer reads an escaped brace). */
function respellFString(n: SyntaxNode, text: string, set: (at: number, s: string) => void): void {
  const raw = /^[a-zA-Z]*/.exec(text.slice(n.from, n.to))?.[0].toLowerCase().includes("r");
  if (!raw) {
    for (let c = n.firstChild; c; c = c.nextSibling)
      if (c.name === "Escape" && text.slice(c.from, c.to) === "\\{") set(c.from, " ");
    return;
  }
  for (let i = n.from; i < n.to; i++) {
    if (text[i] !== "\\") continue;
    if (text[i + 1] === "{") set(i, " ");
    i++;
  }
}

/**
 * The tokenizer's SyntaxErrors in the tree, by offset. Refusals (UnsupportedError) of literals are
 * left to the lowering, so that a SyntaxError anywhere in the source comes first.
 */
export function tokenErrors(
  tree: Tree,
  text: string,
  py: PythonVersion,
  lineOf: (offset: number) => number,
): Map<number, PythonSyntaxError> {
  const errors = new Map<number, PythonSyntaxError>();
  const attempt = (at: number, f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof PythonSyntaxError && !errors.has(at)) errors.set(at, e);
      else if (!(e instanceof UnsupportedError) && !(e instanceof PythonSyntaxError)) throw e;
    }
  };
  tree.iterate({
    enter: (n) => {
      const line = lineOf(n.from);
      if (n.name === "Number") attempt(n.from, () => checkNumber(n.node, text, py, line));
      else if (n.name === "String")
        attempt(n.from, () => parseStringLiteral(text.slice(n.from, n.to), line, py));
      else if (n.name === "FormatString")
        attempt(n.from, () => {
          if (isPython2(py)) throw new PythonSyntaxError(line, "invalid syntax");
          checkFString(n.node, text, py, line);
        });
    },
  });
  return errors;
}

function checkNumber(n: SyntaxNode, text: string, py: PythonVersion, line: number): void {
  // the real token: a respelled 1. or 10L is read as written
  const token = text.slice(n.from, n.to);
  try {
    parseNumber(token, line, py);
  } catch (e) {
    if (!(e instanceof UnsupportedError)) throw e;
  }
  const next = text[n.to] ?? "";
  const base = /^0([xob])/i.exec(token)?.[1]?.toLowerCase();
  if (/[0-9]/.test(next) && (base === "o" || base === "b")) {
    // 0b12: lezer ends the number at the 2
    const name = base === "o" ? "octal" : "binary";
    throw new PythonSyntaxError(
      line,
      since(py, 3, 8) ? `invalid digit '${next}' in ${name} literal` : "invalid syntax",
    );
  }
  if (!NAME_CHAR.test(next) || token.endsWith(".")) return;
  const word = WORD.exec(text.slice(n.to))?.[0] ?? "";
  if (KEYWORDS.has(word)) return;
  if (token === "0" && /^[xob]/i.test(word)) {
    // 0x with no digit, 0o8
    const b = word[1] === undefined ? "" : word[1];
    const kind = { x: "hexadecimal", o: "octal", b: "binary" }[(word[0] as string).toLowerCase()] as string;
    const digit = kind !== "hexadecimal" && /[0-9]/.test(b) ? `invalid digit '${b}' in ${kind} literal` : "";
    throw new PythonSyntaxError(line, since(py, 3, 8) ? digit || `invalid ${kind} literal` : "invalid token");
  }
  const kind = /[jJ]$/.test(token)
    ? "imaginary"
    : ({ x: "hexadecimal", o: "octal", b: "binary" }[base ?? ""] ?? "decimal");
  throw new PythonSyntaxError(line, since(py, 3, 10) ? `invalid ${kind} literal` : "invalid syntax");
}

/**
 * f-string rules of the literal text and of the expressions (Python/ast.c, fstring_find_literal and
 * fstring_find_expr, up to 3.11; the 3.12 tokenizer lifted the last two):
 *   a '}' in the literal text must be doubled;
 *   up to 3.11 an expression may hold no backslash, nor the quote that opened the f-string.
 */
function checkFString(n: SyntaxNode, text: string, py: PythonVersion, line: number): void {
  const raw = text.slice(n.from, n.to);
  const prefix = /^[a-zA-Z]*/.exec(raw)?.[0] ?? "";
  const quoteText = raw.slice(prefix.length, prefix.length + 3);
  const quote = quoteText === '"""' || quoteText === "'''" ? quoteText : (quoteText[0] as string);
  const fields: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name === "FormatReplacement") fields.push(c);
  let at = n.from + prefix.length + quote.length;
  const literal = (to: number) => {
    if (text.slice(at, to).replace(/\{\{/g, "").replace(/\}\}/g, "").includes("}"))
      throw new PythonSyntaxError(line, "f-string: single '}' is not allowed");
  };
  for (const f of fields) {
    literal(f.from);
    at = f.to;
    if (since(py, 3, 12)) continue;
    let end = f.to - 1;
    for (let c = f.firstChild; c; c = c.nextSibling)
      if (c.name === "FormatConversion" || c.name === "FormatSpec") {
        end = c.from;
        break;
      }
    const expression = text.slice(f.from + 1, end);
    if (expression.includes("\\"))
      throw new PythonSyntaxError(line, "f-string expression part cannot include a backslash");
    const cut = quote.length === 1 ? expression.indexOf(quote) : -1;
    if (cut >= 0) {
      // the f-string ended at that quote: what is left of the field is unbalanced
      if (!since(py, 3, 9)) throw new PythonSyntaxError(line, "invalid syntax");
      const open: string[] = [];
      for (const ch of expression.slice(0, cut)) {
        if ("([{".includes(ch)) open.push(ch);
        else if (")]}".includes(ch)) open.pop();
      }
      const last = open.at(-1);
      throw new PythonSyntaxError(line, last ? `f-string: unmatched '${last}'` : "f-string: expecting '}'");
    }
  }
  literal(n.to - quote.length);
}
