/*
 * The indentation rule lezer does not enforce: a statement of the module itself starts at column 0
 * ("IndentationError: unexpected indent" otherwise, as CPython's tokenizer says). Nested blocks are
 * checked by lezer's own indentation tracking (a bad dedent is an error node).
 */
import type { SyntaxNode } from "@lezer/common";
import { PythonSyntaxError } from "../errors.js";

interface LineMap {
  lineOf(offset: number): number;
  columnOf(offset: number): number;
}

export function checkIndentation(top: SyntaxNode, _text: string, lines: LineMap): void {
  for (let c = top.firstChild; c; c = c.nextSibling) {
    if (c.name === "Comment") continue;
    if (lines.columnOf(c.from) !== 0)
      throw new PythonSyntaxError(lines.lineOf(c.from), "unexpected indent", "IndentationError");
  }
}
