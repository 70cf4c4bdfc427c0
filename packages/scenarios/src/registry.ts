// Looking claims up. CLAIMS itself is generated from the folders under claims/ (scripts/generate.ts).
import type { Claim } from "./claim.js";
import { CLAIMS } from "./generated/claims.js";

const byId = new Map(CLAIMS.map((c) => [c.id, c]));

/** The claim with this id; throws, naming the known ids, when there is none. */
export function claimById(id: string): Claim {
  const claim = byId.get(id);
  if (claim === undefined) throw new Error(`no claim ${id}; known: ${[...byId.keys()].join(", ")}`);
  return claim;
}
