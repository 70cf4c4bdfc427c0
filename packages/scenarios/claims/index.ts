// Every claim, in id order. The lint test checks that each folder under claims/ is listed here.
import type { Claim } from "../src/claim.js";
import c08 from "./C08-list-refcount/claim.js";
import c09 from "./C09-del-runs-at-once/claim.js";
import c13 from "./C13-small-request-threshold/claim.js";

export const CLAIMS: readonly Claim[] = [c08, c09, c13];

/** Folder name of each claim, relative to claims/ (for its spec and witness files). */
export const CLAIM_FOLDERS: Readonly<Record<string, string>> = {
  C08: "C08-list-refcount",
  C09: "C09-del-runs-at-once",
  C13: "C13-small-request-threshold",
};
