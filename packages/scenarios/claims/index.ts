// Every claim, in id order. The lint test checks that each folder under claims/ is listed here.
import type { Claim } from "../src/claim.js";
import c13 from "./C13-small-request-threshold/claim.js";

export const CLAIMS: readonly Claim[] = [c13];

/** Folder name of each claim, relative to claims/ (for its spec and witness files). */
export const CLAIM_FOLDERS: Readonly<Record<string, string>> = {
  C13: "C13-small-request-threshold",
};
