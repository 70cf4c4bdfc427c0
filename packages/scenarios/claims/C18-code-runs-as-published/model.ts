// C18's witness.py as a model: whether CPython accepts the article's section-2 code, by the two rules that
// decide it, and what the witness prints for the code as published and as a reader would fix it. The
// model reads the source as CPython's tokenizer does and stops at the first error; it does not run the
// program (what its statements print is C05's, C08's and C09's business).
// Kept: the model refuses witness.py (line 22: a u'' literal on Python 2 (a unicode object) is not modelled yet).
import { articleCodeLines } from "./article-code.js";

/** A SyntaxError (or its subclass IndentationError) CPython raises before running a line. */
export interface SourceError {
  readonly kind: "SyntaxError" | "IndentationError";
  /** 1-based, as the traceback gives it. */
  readonly line: number;
  readonly reason: string;
}

/**
 * PEP 263's declaration: a comment naming `coding[:=]<name>` on line 1 or 2 (2.7's Parser/tokenizer.c,
 * decoding_fgets, calls check_coding_spec on those two lines only).
 */
export function codingDeclaration(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(0, 2)) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

export const NON_ASCII = "non-ASCII byte, no coding declaration";

/**
 * The source's encoding. 2.7 (PEP 263): without a declaration the source is ASCII, and the first line
 * holding a byte above 127, comment or not, is refused as it is read (Parser/tokenizer.c, decoding_fgets:
 * "Non-ASCII character ... but no encoding declared"). 3.x (PEP 3120): UTF-8 unless declared otherwise.
 */
export function encodingError(lines: readonly string[], major: number): SourceError | undefined {
  if (major >= 3 || codingDeclaration(lines) !== undefined) return undefined;
  const at = lines.findIndex((line) => [...line].some((c) => c.charCodeAt(0) > 127));
  return at < 0 ? undefined : { kind: "SyntaxError", line: at + 1, reason: NON_ASCII };
}

/** The width of leading white space: a tab moves to the next multiple of 8 (Parser/tokenizer.c, tok_get). */
function indentWidth(space: string): number {
  let col = 0;
  for (const c of space) col = c === "\t" ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

/** A line's code without a trailing comment (a `#` outside quotes). */
function codeOf(body: string): string {
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#") return body.slice(0, i);
  }
  return body;
}

export class NotModelledSourceError extends Error {
  override name = "NotModelledSourceError";
}

/**
 * The indentation rule. The tokenizer keeps a stack of indentation widths; a line deeper than the top
 * pushes an INDENT token, and the grammar takes INDENT only after a compound statement's header (a
 * logical line ending in ':'), anywhere else it is "unexpected indent" (2.7–3.8: Python/pythonrun.c,
 * err_input; 3.9: Parser/pegen.c, _PyPegen_run_parser; 3.10+: _PyPegen_set_syntax_error). Blank,
 * whitespace-only and comment-only lines do not count (tok_get skips them as blank lines). A line that
 * continues onto the next (open bracket, backslash, triple quote) is not modelled.
 */
export function indentationError(lines: readonly string[]): SourceError | undefined {
  const stack = [0];
  let opensBlock = false;
  for (const [i, line] of lines.entries()) {
    const body = line.replace(/^[ \t\f]*/, "");
    if (body.trim() === "" || body.startsWith("#")) continue;
    const code = codeOf(body).trimEnd();
    const open = [...code].filter((c) => "([{".includes(c)).length;
    const close = [...code].filter((c) => ")]}".includes(c)).length;
    if (open !== close || code.endsWith("\\") || /'''|"""/.test(code)) {
      throw new NotModelledSourceError(`line ${i + 1} continues onto the next: not modelled`);
    }
    const col = indentWidth(line.slice(0, line.length - body.length));
    const error = (reason: string): SourceError => ({ kind: "IndentationError", line: i + 1, reason });
    if (col > (stack.at(-1) as number)) {
      if (!opensBlock) return error("unexpected indent");
      stack.push(col);
    } else {
      // 3.10+ words this one "expected an indented block after ... on line N".
      if (opensBlock) return error("expected an indented block");
      while (col < (stack.at(-1) as number)) stack.pop();
      if (col !== stack.at(-1)) return error("unindent does not match any outer indentation level");
    }
    opensBlock = code.endsWith(":");
  }
  return undefined;
}

/**
 * The first error CPython `major` raises for a source, or undefined when it accepts it. 2.7 checks a
 * line's bytes when it reads the line, before tokenizing it, so on the same line the encoding error wins.
 */
export function sourceError(lines: readonly string[], major: number): SourceError | undefined {
  const found = [encodingError(lines, major), indentationError(lines)].filter(
    (e): e is SourceError => e !== undefined,
  );
  return found.sort((a, b) => a.line - b.line)[0];
}

export const CODING_LINE = "# -*- coding: utf-8 -*-";

/** The fix a reader makes: the lines above `class Person:` lose the two spaces they start with. */
export function fixIndentation(lines: readonly string[]): string[] {
  const end = lines.indexOf("class Person:");
  if (end < 0) throw new Error("the article's code has no `class Person:` line");
  return lines.map((line, i) => (i < end && line.startsWith("  ") ? line.slice(2) : line));
}

/** The witness's variants, in the order it prints them. */
export function c18Variants(lines: readonly string[] = articleCodeLines()): [string, readonly string[]][] {
  const fixed = fixIndentation(lines);
  return [
    ["as published", lines],
    ["as published, with a coding line", [CODING_LINE, ...lines]],
    ["indentation fixed", fixed],
    ["indentation fixed, with a coding line", [CODING_LINE, ...fixed]],
  ];
}

export interface C18Facts {
  /** By variant label: the error, or undefined when CPython accepts the source (it then runs). */
  readonly outcomes: ReadonlyMap<string, SourceError | undefined>;
}

/** The facts for CPython `version` ("2.7", "3.14.2", ...). */
export function c18Facts(version: string): C18Facts {
  const major = Number(version.split(".")[0]);
  return { outcomes: new Map(c18Variants().map(([label, lines]) => [label, sourceError(lines, major)])) };
}

/** How the witness prints an outcome. */
export function describeOutcome(e: SourceError | undefined): string {
  return e === undefined ? "ran to the end" : `${e.kind} at line ${e.line} (${e.reason})`;
}

export function c18Output(version: string): string {
  return [...c18Facts(version).outcomes].map(([label, e]) => `${label}: ${describeOutcome(e)}\n`).join("");
}
