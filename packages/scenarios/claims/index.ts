// Every claim, in id order. The lint test checks that each folder under claims/ is listed here.
import type { Claim } from "../src/claim.js";
// claims §1–§2 (imports)
import c08 from "./C08-list-refcount/claim.js";
import c09 from "./C09-del-runs-at-once/claim.js";
// claims §3 (imports)
import c13 from "./C13-small-request-threshold/claim.js";

export const CLAIMS: readonly Claim[] = [
  // claims §1–§2 (list)
  c08,
  c09,
  // claims §3 (list)
  c13,
].sort((a, b) => a.id.localeCompare(b.id));

/** Folder name of each claim, relative to claims/ (for its spec and witness files). */
export const CLAIM_FOLDERS: Readonly<Record<string, string>> = {
  // claims §1–§2 (folders)
  C08: "C08-list-refcount",
  C09: "C09-del-runs-at-once",
  // claims §3 (folders)
  C13: "C13-small-request-threshold",
};
