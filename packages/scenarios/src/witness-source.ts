/*
 * Witness helpers live once, in claims/_includes/, and a witness pulls one in with a line of its own:
 *
 *   # pymem-include: mallinfo.py
 *
 * (test262's `includes:`). The program that runs, is recorded, hashed and shown is the witness with
 * each such line replaced by the helper's text between two marker comments: a plain Python file
 * again, runnable by hand on 2.7–3.15 (`pnpm pymem witness C14 | python2.7 -`). Browser-safe: the
 * caller reads the files.
 */

/** `# pymem-include: NAME` on a line of its own; NAME is a file of claims/_includes/. */
export const INCLUDE_LINE = /^# pymem-include: ([a-z0-9_]+\.py)[ \t]*$/gm;

/** The names a witness includes, in order. */
export function includesOf(witness: string): string[] {
  return [...witness.matchAll(INCLUDE_LINE)].map((m) => m[1] as string);
}

/** The witness with its includes spliced in; `readInclude(name)` gives a helper's text. */
export function assembleWitness(witness: string, readInclude: (name: string) => string): string {
  return witness.replace(INCLUDE_LINE, (_line, name: string) => {
    const text = readInclude(name).replace(/\n*$/, "\n");
    return `# --- begin ${name} (claims/_includes, pymem-include) ---\n${text}# --- end ${name} ---`;
  });
}
