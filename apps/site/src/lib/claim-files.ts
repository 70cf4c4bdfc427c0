// The files of every claim as the pages show them, read at build time from @pymem/scenarios (so the
// site shows the very files the test suite runs): the spec, the Python witness and the recorded results.
import { type Claim, claimPaths } from "@pymem/scenarios";
import { type Recording, readRecording, readScenarioFile, witnessSource } from "@pymem/scenarios/node";

export interface ClaimFiles {
  /** Path in the scenarios package, e.g. "claims/C08-list-refcount/C08.spec.ts". */
  readonly specPath: string;
  readonly spec: string;
  readonly witness: string;
  readonly recording: Recording | undefined;
}

export function claimFiles(claim: Pick<Claim, "id" | "folder">): ClaimFiles {
  const specPath = claimPaths(claim.folder).spec;
  return {
    specPath,
    spec: readScenarioFile(specPath),
    witness: witnessSource(claim.id),
    recording: readRecording(claim.id),
  };
}
