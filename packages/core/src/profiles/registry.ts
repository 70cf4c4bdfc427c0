import type { AllocatorProfile } from "./profile.js";
import { PROFILES } from "./versions.js";

export class UnknownProfileError extends Error {
  override name = "UnknownProfileError";
}

const byId = new Map(PROFILES.map((p) => [p.id, p]));

/** The ids of every profile, in table order. */
export function profileIds(): string[] {
  return PROFILES.map((p) => p.id);
}

/** The profile with this id ("3.11", "3.7.3", "3.12-32bit", ...); throws UnknownProfileError otherwise. */
export function profile(id: string): AllocatorProfile {
  const found = byId.get(id);
  if (!found)
    throw new UnknownProfileError(`unknown CPython profile "${id}"; known: ${profileIds().join(", ")}`);
  return found;
}
