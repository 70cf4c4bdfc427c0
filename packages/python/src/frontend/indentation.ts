/*
 * The indentation rules lezer does not enforce:
 *   a statement of the module itself starts at column 0 ("IndentationError: unexpected indent" otherwise,
 *   as CPython's tokenizer says);
 *   from 3.0, tabs and spaces must agree: a line indented more, less or as much as another with a
 *   tab counted as 8 columns must be so with a tab counted as 1 ("TabError: inconsistent use of tabs
 *   and spaces in indentation", Parser/tokenizer.c: the altcol comparisons in tok_get).
 * Nested blocks are otherwise checked by lezer's own indentation tracking (a bad dedent is an error node).
 */
import type { SyntaxNode } from "@lezer/common";
import { PythonSyntaxError } from "../errors.js";
import { isPython2, type PythonVersion } from "./version.js";

interface LineMap {
  lineOf(offset: number): number;
  columnOf(offset: number): number;
}

export function checkIndentation(top: SyntaxNode, text: string, lines: LineMap, py: PythonVersion): void {
  for (let c = top.firstChild; c; c = c.nextSibling) {
    if (c.name === "Comment") continue;
    if (lines.columnOf(c.from) !== 0)
      throw new PythonSyntaxError(lines.lineOf(c.from), "unexpected indent", "IndentationError");
  }
  if (!isPython2(py) && text.includes("\t")) checkTabs(top, text, lines);
}

/** The indentation of every line that starts a statement, in order. */
function statementIndents(top: SyntaxNode, text: string, lines: LineMap): { line: number; indent: string }[] {
  const out = new Map<number, string>();
  const visit = (n: SyntaxNode) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      visit(c);
      if (n.name !== "Body" && n.name !== "Script" && n.name !== "StatementGroup") continue;
      if (c.name === "Comment" || c.name === ":") continue;
      const line = lines.lineOf(c.from);
      const indent = text.slice(c.from - lines.columnOf(c.from), c.from);
      if (!out.has(line) && /^[ \t]*$/.test(indent)) out.set(line, indent);
    }
  };
  visit(top);
  return [...out].sort((a, b) => a[0] - b[0]).map(([line, indent]) => ({ line, indent }));
}

function checkTabs(top: SyntaxNode, text: string, lines: LineMap): void {
  const width = (indent: string, tab: number) => {
    let col = 0;
    for (const ch of indent) col = ch === "\t" ? (Math.floor(col / tab) + 1) * tab : col + 1;
    return col;
  };
  const cols = [0];
  const alts = [0];
  for (const { line, indent } of statementIndents(top, text, lines)) {
    const col = width(indent, 8);
    const alt = width(indent, 1);
    // TabError is raised as its own class; the model's syntax error names it
    const tabError = () =>
      new PythonSyntaxError(line, "inconsistent use of tabs and spaces in indentation", "TabError");
    if (col > (cols.at(-1) as number)) {
      if (alt <= (alts.at(-1) as number)) throw tabError();
      cols.push(col);
      alts.push(alt);
      continue;
    }
    while (cols.length > 1 && col < (cols.at(-1) as number)) {
      cols.pop();
      alts.pop();
    }
    if (col === cols.at(-1) && alt !== alts.at(-1)) throw tabError();
  }
}
