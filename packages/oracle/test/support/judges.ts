// The interpreters the model is judged on: what the machine image carries (pyenv's 2.7.18 and
// 3.6–3.13, and Pyodide 3.10–3.15 from the npm registry; README "What the machine needs"). A test
// that finds fewer skips and names the missing ones; under CI it fails, so a CI run cannot pass on
// fewer interpreters than the README claims.
import { archiveJudges, discoverNative, type Interpreter } from "../../src/index.js";

export const NATIVE_JUDGES = ["2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;
export const PYODIDE_JUDGES = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15"] as const;

/** The versions (major.minor) of `versions` that no interpreter of `kind` among `found` is. */
export function missingJudges(
  found: readonly Interpreter[],
  versions: readonly string[] = NATIVE_JUDGES,
  kind: Interpreter["kind"] = "native",
): string[] {
  const have = new Set(
    found.filter((i) => i.kind === kind).map((i) => `${i.versionInfo[0]}.${i.versionInfo[1]}`),
  );
  return versions.filter((v) => !have.has(v));
}

/**
 * The native builds: pyenv's and those fetched from Debian's archive (3.14, 3.15, i386, debug), with
 * the archive judges that are missing and why.
 */
export async function nativeAndArchive(): Promise<{ interpreters: Interpreter[]; missing: string[] }> {
  const archive = await archiveJudges();
  return {
    interpreters: [...(await discoverNative()), ...archive.found.map((j) => j.interpreter)],
    missing: archive.missing.map((m) => `${m.id}: ${m.why}`),
  };
}
