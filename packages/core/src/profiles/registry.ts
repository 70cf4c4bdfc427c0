import { quote, UnknownProfileError } from "../errors.js";
import type { AllocatorProfile } from "./profile.js";
import { checkRelease } from "./releases.js";
import { PROFILES } from "./versions.js";

const byId = new Map(PROFILES.map((p) => [p.id, p]));

/** The ids of every profile, in table order. */
export function profileIds(): string[] {
  return PROFILES.map((p) => p.id);
}

/** The profile with this id ("3.11", "3.7.3", "3.12-32bit", ...); throws UnknownProfileError otherwise. */
export function profile(id: string): AllocatorProfile {
  const found = byId.get(id);
  if (!found)
    throw new UnknownProfileError(`unknown CPython profile ${quote(id)}; known: ${profileIds().join(", ")}`);
  return found;
}

/**
 * The profile for a CPython version ("3.11", "3.11.7", "3.7.2") and pointer size, or a profile id
 * given as is ("3.6-pyenv", "3.12-32bit"). Throws UnknownProfileError when none fits.
 */
export function profileForVersion(version: string, pointerSize: 4 | 8 = 8): AllocatorProfile {
  if (byId.has(version) && (version.includes("-") || pointerSize === 8)) return profile(version);
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  if (!m) throw new UnknownProfileError(`${quote(version)} is neither a CPython version nor a profile id`);
  const [major, minor, micro] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  checkRelease(major, minor, micro);
  return profile(withPointerSize(releaseProfileId(major, minor, micro), pointerSize));
}

/**
 * The 64-bit profile id of a release: its "major.minor", except 3.7.0–3.7.3 ("3.7.3"), which keep
 * 8-byte alignment; 3.7.4 backported the 16-byte one. The one place this rule is written.
 */
export function releaseProfileId(major: number, minor: number, micro: number | undefined): string {
  const id = `${major}.${minor}`;
  return id === "3.7" && micro !== undefined && micro <= 3 ? "3.7.3" : id;
}

/** A 64-bit profile id as the build of that pointer size: "3.12" → "3.12-32bit" for 4. */
export function withPointerSize(id: string, pointerSize: 4 | 8): string {
  return pointerSize === 4 ? `${id}-32bit` : id;
}

/** withPointerSize undone: a profile id as its 64-bit id, "3.12-32bit" → "3.12", "3.6-pyenv" as is. */
export function withoutPointerSize(id: string): string {
  return id.endsWith("-32bit") ? id.slice(0, -"-32bit".length) : id;
}
