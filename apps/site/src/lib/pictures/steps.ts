/*
 * Step-through pictures: a short program, run statement by statement on the model at build time, with a
 * picture of the model's state after every step. What a component renders (StepThrough.astro) and what
 * the tests hold against the model; the page's script (src/client/stepper.ts) only shows one step at a
 * time.
 */
import type { Lang } from "../sections.js";

/** The languages of the programs shown, for the code's highlighting. */
export type SourceLanguage = "python" | "c";

/** One step: the program's state after a statement ran. */
export interface StepFrame<State = unknown> {
  /** The program's lines (1-based, first and last) the step ran. */
  readonly lines: readonly [number, number];
  /** The statement, as the program spells it. */
  readonly code: string;
  /** What happened, with the model's numbers, in the page's language. */
  readonly note: string;
  /** The picture (an SVG with a title and a description). */
  readonly svg: string;
  /** What the program printed so far (or, for C, the pointers it holds). */
  readonly output: readonly string[];
  /** The model's state as plain data, for the tests. */
  readonly state: State;
}

export interface StepThrough<State = unknown> {
  /** Unique on the page; prefixes the ids inside the SVGs. */
  readonly id: string;
  /** What the program shows, for the stepper's accessible name. */
  readonly title: string;
  readonly language: SourceLanguage;
  /** The program, a line an entry. */
  readonly source: readonly string[];
  /** Which build of the model ran it ("CPython 3.14 (64-bit)"). */
  readonly build: string;
  /** The heading of the output area ("Printed", "Pointers"). */
  readonly outputLabel: string;
  readonly frames: readonly StepFrame<State>[];
}

/** The statement's text: its lines (1-based, first and last) of the program, joined. */
export function codeOf(source: readonly string[], lines: readonly [number, number]): string {
  return source
    .slice(lines[0] - 1, lines[1])
    .map((l) => l.trimEnd())
    .join("\n");
}

export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** 0x-prefixed hex, as C's %p and Python's id() formatting show addresses. */
export const hexAddress = (a: number): string => `0x${a.toString(16)}`;

export const isEnglish = (lang: Lang): boolean => lang === "en";

const KEYWORDS: Readonly<Record<SourceLanguage, ReadonlySet<string>>> = {
  python: new Set([
    "and",
    "class",
    "def",
    "del",
    "else",
    "False",
    "for",
    "from",
    "if",
    "import",
    "in",
    "is",
    "None",
    "not",
    "or",
    "pass",
    "return",
    "True",
    "while",
  ]),
  c: new Set(["char", "const", "int", "NULL", "return", "size_t", "void"]),
};

/**
 * A line of the program as HTML with its tokens marked (keywords, strings, numbers, comments), for the
 * static code listing: a few classes, no highlighter in the page.
 */
export function highlightLine(line: string, language: SourceLanguage): string {
  const token = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(#.*$|\/\/.*$)|\b(\d+)\b|\b([A-Za-z_]\w*)\b/g;
  let html = "";
  let last = 0;
  for (const m of line.matchAll(token)) {
    const [text, string, comment, number, word] = m;
    const kind = string
      ? "str"
      : comment && (language === "python") === text.startsWith("#")
        ? "comment"
        : number
          ? "num"
          : word && KEYWORDS[language].has(word)
            ? "kw"
            : undefined;
    if (!kind) continue;
    html += `${esc(line.slice(last, m.index))}<span class="tok-${kind}">${esc(text)}</span>`;
    last = m.index + text.length;
  }
  return html + esc(line.slice(last));
}
