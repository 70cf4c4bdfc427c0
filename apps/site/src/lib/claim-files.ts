// The files of every claim as the pages show them, read at build time through Vite (so the site shows
// the very files the test suite runs): the spec, the Python witness and the recorded witness results.
import { CLAIM_FOLDERS, type Recording } from "@pymem/scenarios";

const specs = import.meta.glob<string>("../../../../packages/scenarios/claims/*/*.spec.ts", {
  query: "?raw",
  import: "default",
  eager: true,
});
const witnesses = import.meta.glob<string>("../../../../packages/scenarios/claims/*/witness.py", {
  query: "?raw",
  import: "default",
  eager: true,
});
const recordings = import.meta.glob<Recording>("../../../../packages/scenarios/recordings/*.json", {
  import: "default",
  eager: true,
});

const base = "../../../../packages/scenarios/";

export interface ClaimFiles {
  /** Path in the scenarios package, e.g. "claims/C08-list-refcount/C08.spec.ts". */
  readonly specPath: string;
  readonly spec: string;
  readonly witness: string | undefined;
  readonly recording: Recording | undefined;
}

export function claimFiles(id: string): ClaimFiles {
  const folder = CLAIM_FOLDERS[id];
  if (!folder) throw new Error(`claim ${id} has no folder in CLAIM_FOLDERS`);
  const specPath = `claims/${folder}/${id}.spec.ts`;
  const spec = specs[base + specPath];
  if (spec === undefined) throw new Error(`claim ${id}: ${specPath} not found`);
  return {
    specPath,
    spec,
    witness: witnesses[`${base}claims/${folder}/witness.py`],
    recording: recordings[`${base}recordings/${id}.json`],
  };
}
