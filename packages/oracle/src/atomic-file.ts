import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * A name beside `path` that no other writer uses (process id and random bytes), so that concurrent
 * writers never share a half-written file; rename(2) then replaces `path` in one step.
 */
export function uniqueTempPath(path: string): string {
  return `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
}

/** Writes a file all at once: a reader sees the old content or the new, never a part. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = uniqueTempPath(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
