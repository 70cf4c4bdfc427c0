// The committed witness recordings' shape (recordings/<id>.json). Browser-safe: the site reads them
// too; reading them from disk is in paths.ts (Node-only).

/** What one interpreter printed for a witness. */
export interface RecordedResult {
  readonly interpreter: string;
  readonly kind: "native" | "pyodide";
  readonly version: string;
  readonly status: "ok" | "error" | "timeout" | "skipped";
  readonly stdout: string;
  readonly stderr: string;
}

/** recordings/<id>.json: a claim's witness results on every interpreter, as `pnpm oracle record` wrote them. */
export interface Recording {
  readonly claim: string;
  /** sha256 of witness.py when recorded; a changed witness must be recorded again. */
  readonly witnessSha256: string;
  readonly results: readonly RecordedResult[];
}
