import { candidateProfiles } from "@pymem/core";
import type { Interpreter } from "./interpreter.js";

/**
 * The ids of the @pymem/core allocator profiles that may describe this interpreter's pymalloc, most
 * likely first; empty when pymalloc is not in use. The rule is @pymem/core's candidateProfiles.
 */
export function candidateProfileIds(i: Interpreter): string[] {
  return candidateProfiles(i).map((p) => p.id);
}
