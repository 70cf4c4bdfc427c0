import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { claimPaths, INCLUDES_FOLDER } from "./layout.js";
import type { Recording } from "./recording.js";
import { claimById } from "./registry.js";
import { assembleWitness } from "./witness-source.js";

/**
 * The package folder, found by resolving the package itself: right whether this runs from src/ (tests),
 * dist/src/ (built) or from a bundle of another package (the site's pages, at build time).
 */
const packageDir = dirname(createRequire(import.meta.url).resolve("@pymem/scenarios/package.json"));

/** The @pymem/scenarios package folder: claimPaths() are relative to it. */
export const SCENARIOS_DIR = packageDir;
/** Folder holding one folder per claim. */
export const CLAIMS_DIR = resolve(packageDir, "claims");
/** Folder of the committed witness recordings, one JSON file per claim. */
export const RECORDINGS_DIR = resolve(packageDir, "recordings");

/** A file of the scenarios package, by its path relative to the package (as claimPaths() gives it). */
export function readScenarioFile(path: string): string {
  return readFileSync(join(packageDir, path), "utf8");
}

/** A shared witness helper, claims/_includes/`name`. */
export function witnessInclude(name: string): string {
  const path = join(CLAIMS_DIR, INCLUDES_FOLDER, name);
  if (!existsSync(path)) throw new Error(`pymem-include: no helper ${name} in claims/${INCLUDES_FOLDER}/`);
  return readFileSync(path, "utf8");
}

/**
 * The Python witness of a claim as it runs: witness.py with its `# pymem-include:` lines replaced by the
 * helpers' text (src/witness-source.ts). What is run, recorded, hashed and shown.
 */
export function witnessSource(id: string): string {
  return assembleWitness(readScenarioFile(claimPaths(claimById(id).folder).witness), witnessInclude);
}

// The recordings' shape is browser-safe (the site reads them too): recording.ts.
export type { RecordedResult, Recording } from "./recording.js";

export function recordingPath(id: string): string {
  return join(packageDir, claimPaths(claimById(id).folder).recording);
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
