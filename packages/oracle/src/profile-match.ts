import type { Interpreter } from "./interpreter.js";

/**
 * The ids of the @pymem/core allocator profiles that may describe this interpreter's pymalloc,
 * most likely first. Usually one; two where the version alone cannot tell (3.6.x may carry
 * pyenv's 16-byte-alignment patch). Empty when pymalloc is not in use.
 */
export function candidateProfileIds(i: Interpreter): string[] {
  if (i.allocator !== "pymalloc") return [];
  const [major, minor, micro] = i.versionInfo;
  const suffix = i.pointerSize === 4 ? "-32bit" : "";
  const key = `${major}.${minor}`;
  let ids: string[];
  if (key === "3.6") ids = ["3.6-pyenv", "3.6"];
  else if (key === "3.7") ids = [micro <= 3 ? "3.7.3" : "3.7"];
  else ids = [key];
  // pyenv's patch concerns 64-bit alignment only; 32-bit 3.6 is upstream either way.
  return suffix ? [...new Set(ids.map((id) => id.replace("-pyenv", "")))].map((id) => id + suffix) : ids;
}
