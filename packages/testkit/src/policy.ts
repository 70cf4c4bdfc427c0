// Checks that need something the machine may lack (an interpreter, a browser) follow one rule:
// on a developer's machine they are skipped with the reason printed; in CI, where the project's
// own set-up installs everything, a missing prerequisite is a failure, never a silent pass.

/** True when running under CI (the CI runner sets CI=true). */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

export class MissingPrerequisiteError extends Error {
  override name = "MissingPrerequisiteError";
}

/** The part of vitest's test context this policy needs. */
export interface SkippableContext {
  skip(note?: string): never | undefined;
}

/**
 * Skips the running test with `why` when `available` is false, unless in CI, where it throws.
 * Returns normally when the prerequisite is there.
 */
export function requireOrSkip(
  context: SkippableContext,
  available: boolean,
  why: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (available) return;
  if (inCI(env)) throw new MissingPrerequisiteError(`required in CI but missing: ${why}`);
  context.skip(`skipped: ${why}`);
}
