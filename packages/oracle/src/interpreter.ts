/** What the oracle knows about one real CPython it can run. */
export interface Interpreter {
  /** "native": a CPython executable on this machine; "pyodide": a Pyodide build run in Node. */
  readonly kind: "native" | "pyodide";
  /** Absolute path of the executable (native) or of the npm package's folder (pyodide). */
  readonly executable: string;
  /** For Pyodide: "pyodide 0.25.1". */
  readonly distribution?: string;
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
  /** The configure arguments it was built with (sysconfig CONFIG_ARGS); Pyodide: from its documented build. */
  readonly buildFlags: string;
  /** sys.platform */
  readonly platform: string;
  /** PYTHON* variables every run on it sets (PYTHONMALLOC=mimalloc for a mimalloc judge); none when absent */
  readonly pythonEnv?: Readonly<Record<string, string>>;
}

/** Short name for tables: "3.11.7", "3.13.0t", "3.12.1-32bit", "3.11.7d", "3.11.3-pyodide". */
export function interpreterName(i: Interpreter): string {
  if (i.kind === "pyodide") return `${i.version}-pyodide`;
  return (
    i.version +
    (i.freeThreaded ? "t" : "") +
    (i.debugBuild ? "d" : "") +
    (i.pointerSize === 4 ? "-32bit" : "") +
    (i.pythonEnv?.PYTHONMALLOC ? `+${i.pythonEnv.PYTHONMALLOC}` : "")
  );
}
