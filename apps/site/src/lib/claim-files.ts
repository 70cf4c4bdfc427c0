// The files of every claim as the pages show them, read at build time from @pymem/scenarios (so the
// site shows the very files the test suite runs): the spec and the program it asks the model about, the
// Python witness and the recorded results.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Claim, claimPaths } from "@pymem/scenarios";
import {
  type Recording,
  readRecording,
  readScenarioFile,
  SCENARIOS_DIR,
  witnessSource,
} from "@pymem/scenarios/node";

/**
 * The program a claim's spec asks the model about: the witness, where the model runs it
 * (`modelRunsWitness`); else the claim's model.ts, the model program its prediction and spec share.
 */
export interface AskedAbout {
  /** "witness.py", "model.ts" */
  readonly file: string;
  readonly source: string;
  readonly lang: "python" | "ts";
}

export interface ClaimFiles {
  /** Path in the scenarios package, e.g. "claims/C08-list-refcount/C08.spec.ts". */
  readonly specPath: string;
  readonly spec: string;
  readonly witness: string;
  readonly recording: Recording | undefined;
  /** Undefined where the spec asks the claim's own data (C13 asks sizeClassOf in claim.ts). */
  readonly askedAbout: AskedAbout | undefined;
}

function askedAbout(claim: Pick<Claim, "id" | "folder" | "modelRunsWitness">): AskedAbout | undefined {
  if (claim.modelRunsWitness) return { file: "witness.py", source: witnessSource(claim.id), lang: "python" };
  const model = claimPaths(claim.folder).model;
  if (!existsSync(join(SCENARIOS_DIR, model))) return undefined;
  return { file: "model.ts", source: readScenarioFile(model), lang: "ts" };
}

export function claimFiles(claim: Pick<Claim, "id" | "folder" | "modelRunsWitness">): ClaimFiles {
  const specPath = claimPaths(claim.folder).spec;
  return {
    specPath,
    spec: readScenarioFile(specPath),
    witness: witnessSource(claim.id),
    recording: readRecording(claim.id),
    askedAbout: askedAbout(claim),
  };
}
