/*
 * The Python version a source is read as. What is valid syntax, and the words of a SyntaxError,
 * change between releases; the front end asks `since(py, 3, 8)` rather than comparing strings.
 */

/** [major, minor] */
export type PythonVersion = readonly [number, number];

/** The newest release the model knows; used when no version is given (checkSource). */
export const NEWEST: PythonVersion = [3, 15];

/** "3.12", "3.12.1" or a profile id such as "3.6-pyenv" → [3, 12]. */
export function pythonVersion(version: string | undefined): PythonVersion {
  const m = /^(\d+)\.(\d+)/.exec(version ?? "");
  return m ? [Number(m[1]), Number(m[2])] : NEWEST;
}

/** Is `py` the release major.minor or a later one? */
export function since(py: PythonVersion, major: number, minor: number): boolean {
  return py[0] > major || (py[0] === major && py[1] >= minor);
}

export const isPython2 = (py: PythonVersion): boolean => py[0] === 2;
