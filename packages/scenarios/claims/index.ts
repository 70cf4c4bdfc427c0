// Every claim, in id order. The lint test checks that each folder under claims/ is listed here.
import type { Claim } from "../src/claim.js";
// claims §1–§2 (imports)
import c01 from "./C01-three-parts/claim.js";
import c02 from "./C02-dynamic-typing/claim.js";
import c03 from "./C03-no-collector-described/claim.js";
import c04 from "./C04-all-objects-refcounted/claim.js";
import c05 from "./C05-count-follows-names/claim.js";
import c06 from "./C06-del-frees-memory/claim.js";
import c07 from "./C07-immutable-counts-meaningless/claim.js";
import c08 from "./C08-list-refcount/claim.js";
import c09 from "./C09-del-runs-at-once/claim.js";
// claims §3 (imports)
import c10 from "./C10-pools-vs-malloc/claim.js";
import c11 from "./C11-allocator-layers/claim.js";
import c12 from "./C12-pymem-malloc-pool/claim.js";
import c13 from "./C13-small-request-threshold/claim.js";
import c14 from "./C14-arenas-from-malloc/claim.js";
import c15 from "./C15-memory-never-freed/claim.js";
import c16 from "./C16-immutables-copied/claim.js";
import c17 from "./C17-object-specific-allocators/claim.js";
// scenarios beyond the article (imports)
import x01 from "./X01-id-reuse/claim.js";
import x02 from "./X02-getrefcount-argument/claim.js";

export const CLAIMS: readonly Claim[] = [
  // claims §1–§2 (list)
  c01,
  c02,
  c03,
  c04,
  c05,
  c06,
  c07,
  c08,
  c09,
  // claims §3 (list)
  c10,
  c11,
  c12,
  c13,
  c14,
  c15,
  c16,
  c17,
  // scenarios beyond the article (list)
  x01,
  x02,
].sort((a, b) => a.id.localeCompare(b.id));

/** Folder name of each claim, relative to claims/ (for its spec and witness files). */
export const CLAIM_FOLDERS: Readonly<Record<string, string>> = {
  // claims §1–§2 (folders)
  C01: "C01-three-parts",
  C02: "C02-dynamic-typing",
  C03: "C03-no-collector-described",
  C04: "C04-all-objects-refcounted",
  C05: "C05-count-follows-names",
  C06: "C06-del-frees-memory",
  C07: "C07-immutable-counts-meaningless",
  C08: "C08-list-refcount",
  C09: "C09-del-runs-at-once",
  // claims §3 (folders)
  C10: "C10-pools-vs-malloc",
  C11: "C11-allocator-layers",
  C12: "C12-pymem-malloc-pool",
  C13: "C13-small-request-threshold",
  C14: "C14-arenas-from-malloc",
  C15: "C15-memory-never-freed",
  C16: "C16-immutables-copied",
  C17: "C17-object-specific-allocators",
  // scenarios beyond the article (folders)
  X01: "X01-id-reuse",
  X02: "X02-getrefcount-argument",
};
