/*
 * The CPython releases the model knows of: the latest patch release of each minor version it has a
 * profile for (versions.ts; its profiles' `releases` are written from this). A later patch is refused
 * rather than guessed at: a future release may change the allocator.
 *
 * Checked 2026-12-05. Sources: the release date in CPython's Misc/NEWS.d/<version>.rst up to 3.12, and
 * for 3.13–3.15 the NEWS of Debian sid's packages (python3.13 3.13.18-1, python3.14 3.14.10-1,
 * python3.15 3.15.2-1), which are newer than any NEWS.d file we could read. 3.10–3.12 are the newest
 * whose NEWS.d we found (all released 2026-10-01); a later security release may exist.
 */
import { UnknownProfileError } from "../errors.js";

export const LATEST_PATCH: Readonly<Record<string, number>> = {
  "2.7": 18, // 2020-04-20, end of life
  "3.6": 15, // 2021-09-04, end of life
  "3.7": 17, // 2023-06-06, end of life
  "3.8": 20, // 2024-09-06, end of life
  "3.9": 25, // 2025-10-31, end of life
  "3.10": 22, // 2026-10-01
  "3.11": 17, // 2026-10-01
  "3.12": 15, // 2026-10-01
  "3.13": 18, // 2026-10-25
  "3.14": 10, // 2026-10-25
  "3.15": 2, // 2026-10-25; 3.15.0 was released 2026-10-09
};

/** The latest known release of a minor version: "3.11" gives "3.11.17". */
export function latestRelease(minor: string): string {
  const patch = LATEST_PATCH[minor];
  if (patch === undefined) throw new UnknownProfileError(`no CPython ${minor} releases are known`);
  return `${minor}.${patch}`;
}

/** Throws UnknownProfileError for a patch release later than the latest known one of its line. */
export function checkRelease(major: number, minor: number, micro: number | undefined): void {
  const latest = LATEST_PATCH[`${major}.${minor}`];
  if (micro !== undefined && latest !== undefined && micro > latest)
    throw new UnknownProfileError(
      `CPython ${major}.${minor}.${micro} is not a known release: the latest known ${major}.${minor} is ${major}.${minor}.${latest}`,
    );
}
