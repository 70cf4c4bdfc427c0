// Checks that need something the machine may lack (an interpreter, a browser) follow one rule:
// on a developer's machine they are skipped with the reason printed; in CI, where the project's
// own set-up installs everything, a missing prerequisite is a failure, never a silent pass.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** Where skip reasons are collected (one JSON line each), for the suite's closing summary. */
export const SKIPS_FILE = join(".reports", "skips.jsonl");

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
  task?: { name: string };
}

export interface RequireOptions {
  /** The environment to read CI from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the reason of a skip goes (default: stderr and .reports/skips.jsonl for the summary). */
  readonly record?: (test: string, why: string) => void;
}

/**
 * Skips the running test with `why` when `available` is false, unless in CI, where it throws.
 * Returns normally when the prerequisite is there.
 */
export function requireOrSkip(
  context: SkippableContext,
  available: boolean,
  why: string,
  options: RequireOptions = {},
): void {
  if (available) return;
  if (inCI(options.env ?? process.env))
    throw new MissingPrerequisiteError(`required in CI but missing: ${why}`);
  (options.record ?? recordSkip)(context.task?.name ?? "(unnamed test)", why);
  context.skip(`skipped: ${why}`);
}

function recordSkip(test: string, why: string): void {
  process.stderr.write(`skipped: ${why}\n`);
  try {
    mkdirSync(".reports", { recursive: true });
    appendFileSync(SKIPS_FILE, `${JSON.stringify({ test, why })}\n`);
  } catch {
    // the record is for the summary only; the skip itself has happened
  }
}
