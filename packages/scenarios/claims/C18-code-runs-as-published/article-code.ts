// The article's section-2 code as published, read from the one place it is written: the witness helper
// claims/_includes/article_code.py (one u"..." string per line), which witness.py splices in and runs.
import { WITNESS_INCLUDES } from "../../src/generated/includes.js";

export const ARTICLE_CODE_INCLUDE = "article_code.py";

/** The Python list's lines: `    u"...",` each, between `ARTICLE_CODE_LINES = [` and `]`. */
export function articleCodeLines(include: string = WITNESS_INCLUDES[ARTICLE_CODE_INCLUDE] ?? ""): string[] {
  const all = include.split("\n");
  const start = all.indexOf("ARTICLE_CODE_LINES = [");
  const end = all.indexOf("]", start);
  if (start < 0 || end < 0) throw new Error(`${ARTICLE_CODE_INCLUDE}: no ARTICLE_CODE_LINES = [ ... ] list`);
  return all.slice(start + 1, end).map((line) => {
    const m = /^ {4}u"([^"\\]*)",$/.exec(line);
    if (!m) throw new Error(`${ARTICLE_CODE_INCLUDE}: not a plain u"..." line: ${line}`);
    return m[1] as string;
  });
}
