/*
 * The CPython releases the model knows of: the latest patch release of each minor version it has a
 * profile for, as of the version table's last check (versions.ts; its profiles' `releases` are
 * written from this). A later patch does not exist yet, so a lookup refuses it rather than guess:
 * a future release may change the allocator. 3.15 has had pre-releases of 3.15.0 only.
 */
import { UnknownProfileError } from "../errors.js";

export const LATEST_PATCH: Readonly<Record<string, number>> = {
  "2.7": 18,
  "3.6": 15,
  "3.7": 17,
  "3.8": 20,
  "3.9": 25,
  "3.10": 19,
  "3.11": 14,
  "3.12": 12,
  "3.13": 9,
  "3.14": 7,
  "3.15": 0,
};

/** The latest known release of a minor version: "3.11" gives "3.11.14". */
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
