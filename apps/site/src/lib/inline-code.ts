// Claims are plain strings in both languages; a pair of backticks in them marks code, as in Markdown,
// and the page shows it as code rather than as literal backticks.

/** One run of a claim's text: code (between a pair of backticks) or prose. */
export interface TextRun {
  readonly code: boolean;
  readonly text: string;
}

/** The text without the backticks that mark code, where only plain text can go (a table of contents). */
export const plainText = (text: string): string =>
  codeRuns(text)
    .map((r) => r.text)
    .join("");

/** The runs of `text`; an unpaired backtick stays as it is. */
export function codeRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let rest = text;
  for (let m = /`([^`]+)`/.exec(rest); m !== null; m = /`([^`]+)`/.exec(rest)) {
    if (m.index > 0) runs.push({ code: false, text: rest.slice(0, m.index) });
    runs.push({ code: true, text: m[1] as string });
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest !== "") runs.push({ code: false, text: rest });
  return runs;
}
