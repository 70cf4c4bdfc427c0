import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CLAIM_FOLDERS } from "../claims/index.js";
import type { Recording } from "./recording.js";

/** The package folder, whether this runs from src/ (tests) or dist/src/ (built). */
const packageDir = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith("scenarios") && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** Folder holding one folder per claim. */
export const CLAIMS_DIR = resolve(packageDir, "claims");
/** Folder of the committed witness recordings, one JSON file per claim. */
export const RECORDINGS_DIR = resolve(packageDir, "recordings");

/** The Python witness of a claim. */
export function witnessSource(id: string): string {
  const folder = CLAIM_FOLDERS[id];
  if (!folder) throw new Error(`no claim ${id}`);
  return readFileSync(join(CLAIMS_DIR, folder, "witness.py"), "utf8");
}

// The recordings' shape is browser-safe (the site reads them too): recording.ts.
export type { RecordedResult, Recording } from "./recording.js";

export function recordingPath(id: string): string {
  return join(RECORDINGS_DIR, `${id}.json`);
}

/** The committed recording of a claim's witness, or undefined when there is none. */
export function readRecording(id: string): Recording | undefined {
  const path = recordingPath(id);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Recording) : undefined;
}

/** sha256 of a witness source, as recordings store it. */
export function witnessSha256(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}
