// The native interpreters the allocator model is judged on: what the machine image carries (pyenv's
// 2.7.18 and 3.6–3.13; README "What the machine needs"). A test that finds fewer skips and names the
// missing ones; under CI it fails, so a CI run cannot pass on fewer interpreters than the README claims.
import type { Interpreter } from "../../src/index.js";

export const NATIVE_JUDGES = ["2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;

/** The versions of NATIVE_JUDGES that none of `found` is (by major.minor). */
export function missingJudges(
  found: readonly Interpreter[],
  versions: readonly string[] = NATIVE_JUDGES,
): string[] {
  const have = new Set(found.map((i) => `${i.versionInfo[0]}.${i.versionInfo[1]}`));
  return versions.filter((v) => !have.has(v));
}
