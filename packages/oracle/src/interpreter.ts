/** What the oracle knows about one real CPython it can run. */
export interface Interpreter {
  /** "native": a CPython executable on this machine. (Pyodide in Node comes with the oracle issue.) */
  readonly kind: "native";
  /** Absolute path of the executable. */
  readonly executable: string;
  /** "3.11.7" */
  readonly version: string;
  readonly versionInfo: readonly [major: number, minor: number, micro: number];
  /** sys.version_info.releaselevel: "final", "candidate", "beta", "alpha" */
  readonly releaseLevel: string;
  /** bytes (struct.calcsize("P")) */
  readonly pointerSize: 4 | 8;
  /** The object allocator in use: pymalloc, plain malloc (--without-pymalloc), or mimalloc (free-threaded). */
  readonly allocator: "pymalloc" | "malloc" | "mimalloc";
  readonly debugBuild: boolean;
  readonly freeThreaded: boolean;
  /** sys.platform */
  readonly platform: string;
}

/** Short name for tables: "3.11.7", "3.13.0t", "3.12.1-32bit", "3.11.7d". */
export function interpreterName(i: Interpreter): string {
  return (
    i.version +
    (i.freeThreaded ? "t" : "") +
    (i.debugBuild ? "d" : "") +
    (i.pointerSize === 4 ? "-32bit" : "")
  );
}
