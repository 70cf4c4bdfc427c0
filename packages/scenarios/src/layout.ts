/*
 * Where a claim's files live: the one place that knows the layout of claims/. The folders are the
 * registry (test262's idea): a folder `claims/<ID>-<slug>/` is a claim, and scripts/generate.ts writes
 * the index, the module table and the source table from them (src/generated/, not committed).
 *
 *   claims/C13-small-request-threshold/
 *     claim.ts      metadata (the Claim type); `modelRunsWitness` makes witness.py the model's prediction
 *     C13.spec.ts   the spec: vitest describe/it/expect over the model, deciding the verdict per profile
 *     model.ts      (only where the model refuses witness.py) the model program spec and prediction share
 *     witness.py    a Python program real interpreters run, 2.7-compatible; `# pymem-include: NAME`
 *                   lines pull in shared helpers from claims/_includes/ (see src/witness-source.ts)
 *
 * This file imports nothing, so that the generator can load it with Node's type stripping.
 */

/** C01–C99 for the article's claims, X01–X99 for scenarios beyond it. */
export const CLAIM_ID_PATTERN = /^(C|X)(?!00)\d{2}$/;
/** Words of a-z and 0-9 joined by "-", e.g. "list-refcount". */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A claim folder's name: `<ID>-<slug>`. */
export const CLAIM_FOLDER_PATTERN = /^((?:C|X)(?!00)\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Folders under claims/ that are not claims: the witnesses' shared helpers. */
export const INCLUDES_FOLDER = "_includes";

/** The files of one claim, relative to the scenarios package folder. */
export interface ClaimPaths {
  /** e.g. "claims/C08-list-refcount" */
  readonly folder: string;
  readonly claim: string;
  readonly spec: string;
  readonly model: string;
  readonly witness: string;
  /** recordings/<ID>.json: the witness's committed results on every interpreter. */
  readonly recording: string;
}

/** The claim id a folder name stands for, or undefined when the name is not `<ID>-<slug>`. */
export function claimIdOfFolder(folder: string): string | undefined {
  return CLAIM_FOLDER_PATTERN.exec(folder)?.[1];
}

/** The paths of the claim in `claims/<folder>`. */
export function claimPaths(folder: string): ClaimPaths {
  const id = claimIdOfFolder(folder);
  if (id === undefined)
    throw new Error(`"${folder}" is not a claim folder name (<ID>-<slug>, e.g. C08-list-refcount)`);
  const dir = `claims/${folder}`;
  return {
    folder: dir,
    claim: `${dir}/claim.ts`,
    spec: `${dir}/${id}.spec.ts`,
    model: `${dir}/model.ts`,
    witness: `${dir}/witness.py`,
    recording: `recordings/${id}.json`,
  };
}

/**
 * Modules of src/ that read files or run interpreters (the `@pymem/scenarios/node` entry): never
 * bundled for the browser. Every other module of src/ and every non-spec module of a claim folder is
 * browser-safe, and the site bundles exactly those (src/generated/modules.ts).
 */
export const NODE_ONLY_SOURCES: readonly string[] = ["src/node.ts", "src/paths.ts", "src/check/"];

/** Whether a module (path relative to the package, e.g. "src/paths.ts") may run in a browser. */
export function isBrowserSafeSource(path: string): boolean {
  return (
    path.endsWith(".ts") &&
    !path.endsWith(".spec.ts") &&
    !path.endsWith(".test.ts") &&
    !NODE_ONLY_SOURCES.some((n) => (n.endsWith("/") ? path.startsWith(n) : path === n))
  );
}
