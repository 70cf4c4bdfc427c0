// Links from a claim's "Where CPython decides it" list to CPython's sources on GitHub, pinned to a release
// tag where the ref's file has its symbol. A closed range is read at the newest release it covers
// ("2.7 – 3.11" → v3.11.x, "2.7" → v2.7.18). An open one ("3.4+") says where the symbol was from that
// version on, not that it never moved (Py_REFCNT left Include/object.h for Include/refcount.h), so it is
// read at the first known line it covers (v3.6.x for "3.4+"). Releases come from @pymem/core's version
// table; no line numbers, which change from release to release.
import { LATEST_PATCH, latestRelease, profile } from "@pymem/core";
import type { CpythonRef } from "@pymem/scenarios";

const BLOB = "https://github.com/python/cpython/blob";

type Line = readonly [number, number];
const lineOf = (v: string): Line => v.split(".").slice(0, 2).map(Number) as unknown as Line;
const newer = (a: Line, b: Line) => (a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1]);

/** Lines with a final release, oldest first: a line with pre-releases only (3.15) has no tag to pin to. */
const FINAL_LINES = Object.keys(LATEST_PATCH)
  .filter((line) => !profile(line).releases.includes("pre-release"))
  .sort((a, b) => (newer(lineOf(a), lineOf(b)) ? 1 : -1));

/** The newest release of the oldest known line at or above `major.minor`. */
function firstLineFrom(from: Line): string {
  const line = FINAL_LINES.find((l) => !newer(from, lineOf(l)));
  if (line === undefined) throw new Error(`no final CPython release from ${from.join(".")}`);
  return latestRelease(line);
}

/** The newest final release of the newest line at or below `major.minor` (of any line when omitted). */
function newestRelease(upTo?: Line): string {
  const line = FINAL_LINES.filter((l) => upTo === undefined || !newer(lineOf(l), upTo)).at(-1);
  if (line === undefined) throw new Error(`no final CPython release up to ${upTo?.join(".")}`);
  return latestRelease(line);
}

const VERSION = String.raw`\d+\.(?:\d+|x)(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^(${VERSION})\s*(?:[–-]\s*(${VERSION})|(\+))?$`);

/** The release one part of a range is read at: "3.3 – 3.11", "3.4+", "2.7.7+", "3.x", "2.7", "2.7.18". */
function newestOfPart(part: string): string {
  const m = RANGE.exec(part.trim());
  if (!m) throw new Error(`cannot read the CPython version range "${part}"`);
  const [, from = "", to, plus] = m;
  const last = to ?? from;
  // "3.x": any 3 line; "3.4+": from the first known line on; "2.7.7+": the later releases of that line.
  if (last.endsWith(".x")) return firstLineFrom([Number(last.split(".")[0]), 0]);
  if (plus) return from.split(".").length === 2 ? firstLineFrom(lineOf(from)) : newestRelease(lineOf(from));
  if (last.split(".").length === 3) return last;
  return newestRelease(lineOf(last));
}

/** The release tag to read a ref at, e.g. "v3.13.9"; parenthesised notes in `versions` are ignored. */
export function cpythonTag(versions: string): string {
  const parts = versions.replace(/\([^)]*\)/g, "").split(",");
  const releases = parts.map(newestOfPart);
  const newest = releases.reduce((a, b) => {
    const [pa, pb] = [a, b].map((r) => r.split(".").map(Number)) as [number[], number[]];
    for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0) ? a : b;
    return a;
  });
  return `v${newest}`;
}

/** The ref's file on GitHub at its tag, e.g. https://github.com/python/cpython/blob/v3.11.14/Objects/obmalloc.c */
export function cpythonSourceUrl(ref: Pick<CpythonRef, "file" | "versions">): string {
  return `${BLOB}/${cpythonTag(ref.versions)}/${ref.file}`;
}
