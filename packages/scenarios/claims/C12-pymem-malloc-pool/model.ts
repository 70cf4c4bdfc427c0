// C12's witness as a model run: PyMem_Malloc of each size, served by pymalloc or by C malloc.
// Kept: the model refuses witness.py (line 45: 'with' is not modelled yet).
import type { WitnessTarget } from "../../src/claim.js";
import { servedBy } from "../C11-allocator-layers/model.js";

/** Sizes the witness asks PyMem_Malloc for (bytes): both sides of 512, a page, and just under 256 KiB. */
export const C12_SIZES = [64, 512, 513, 4096, 262143] as const;

export function c12Output({ profile, hasPymalloc }: WitnessTarget): string {
  return C12_SIZES.map(
    (n) => `PyMem_Malloc(${n}): ${servedBy(profile, "PyMem_Malloc", n, hasPymalloc)}\n`,
  ).join("");
}
