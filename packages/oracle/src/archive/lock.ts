/*
 * judges.lock.tsv: the exact Debian packages of every archive judge, with the size and SHA256 the
 * archive's index gives for each, so that a judge never changes under us. One line per package of a
 * judge's closure; `pnpm judges --update-pins` rewrites the file from the archive's current index.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PinnedPackage {
  readonly judge: string;
  readonly name: string;
  readonly arch: string;
  readonly version: string;
  /** bytes of the .deb */
  readonly size: number;
  readonly sha256: string;
  /** its path in the archive (pool/main/...) */
  readonly filename: string;
}

const COLUMNS = ["judge", "package", "arch", "version", "size", "sha256", "filename"] as const;

/** packages/oracle/judges.lock.tsv (from src/archive or dist/archive alike). */
export const LOCK_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "judges.lock.tsv");

export class LockFileError extends Error {
  override name = "LockFileError";
}

export function parseLock(text: string, file = LOCK_FILE): PinnedPackage[] {
  const pins: PinnedPackage[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const where = `${file}:${i + 1}`;
    const cells = line.split("\t");
    if (cells.length !== COLUMNS.length)
      throw new LockFileError(
        `${where}: ${cells.length} columns, expected ${COLUMNS.length} (${COLUMNS.join(", ")})`,
      );
    const [judge, name, arch, version, size, sha256, filename] = cells as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^\d+$/.test(size)) throw new LockFileError(`${where}: size "${size}" is not a number of bytes`);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new LockFileError(`${where}: "${sha256}" is not a SHA256`);
    if (!filename.startsWith("pool/") || !filename.endsWith(".deb"))
      throw new LockFileError(`${where}: "${filename}" is not an archive path of a .deb`);
    const key = `${judge} ${name}:${arch}`;
    if (seen.has(key)) throw new LockFileError(`${where}: ${name}:${arch} is pinned twice for ${judge}`);
    seen.add(key);
    pins.push({ judge, name, arch, version, size: Number(size), sha256, filename });
  });
  return pins;
}

export function readLock(file = LOCK_FILE): PinnedPackage[] {
  return parseLock(readFileSync(file, "utf8"), file);
}

export function formatLock(pins: readonly PinnedPackage[], when: string): string {
  const head = [
    "# The Debian packages of pymem's archive judges (packages/oracle/src/archive/builds.ts), pinned",
    "# with the size and SHA256 of the archive's index. Rewritten by `pnpm judges --update-pins`;",
    `# last written ${when}.`,
    `# ${COLUMNS.join("\t")}`,
  ];
  const rows = pins.map((p) =>
    [p.judge, p.name, p.arch, p.version, String(p.size), p.sha256, p.filename].join("\t"),
  );
  return `${[...head, ...rows].join("\n")}\n`;
}

/** A judge's pins as one text, whose hash names the unpacked tree built from them. */
export function pinsText(pins: readonly PinnedPackage[], judge: string): string {
  return pins
    .filter((p) => p.judge === judge)
    .map((p) => `${p.name}:${p.arch}=${p.version} ${p.sha256}`)
    .join("\n");
}
