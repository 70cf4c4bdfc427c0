// The messages between the page and Pyodide's sandbox worker (client/pyodide-sandbox.worker.ts), and the
// page's check of every message that comes back. The worker runs a reader's Python, perhaps from a
// stranger's link, and Python on Pyodide reaches the worker's JavaScript (`import js`): whatever
// arrives is untrusted data. The page accepts only these shapes, within these sizes, and puts the text
// into the page with textContent.
import { PYODIDE_OUTPUT_LIMIT_CHARS } from "../limits.js";

/**
 * Page → worker, first: load Pyodide from these files, named as in the build's folder (the sandbox
 * cannot fetch; the page hands it the files). `indexURL` is set under `astro dev` only, where the
 * worker is the page's own and loads Pyodide from the site (client/sandbox.ts).
 */
export interface PyodideLoadRequest {
  readonly kind: "load";
  readonly files: Readonly<Record<string, Blob>>;
  readonly indexURL: string | null;
}

/** Page → worker, second: run this program (one run per sandbox; the next run gets a fresh one). */
export interface PyodideRunRequest {
  readonly kind: "run";
  readonly source: string;
}

/** Worker → page. */
export type PyodideMessage =
  | { readonly kind: "loaded"; readonly loadMs: number }
  | { readonly kind: "failed"; readonly message: string }
  | {
      readonly kind: "done";
      /** The program ended without an uncaught exception. */
      readonly ok: boolean;
      readonly stdout: string;
      /** What the program wrote to stderr, then the uncaught exception's traceback. */
      readonly stderr: string;
      readonly runMs: number;
      /** Output past PYODIDE_OUTPUT_LIMIT_CHARS was left out. */
      readonly cut: boolean;
    };

/** A failure's message is one line of an error, not output: shorter. */
export const FAILED_MESSAGE_CHARS = 2_000;

const text = (x: unknown, max: number): string | undefined =>
  typeof x === "string" && x.length <= max ? x : undefined;
const duration = (x: unknown): number | undefined =>
  typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : undefined;

/** The message rebuilt from the fields the page knows, or undefined when it is not one. */
export function readPyodideMessage(data: unknown): PyodideMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.kind === "loaded") {
    const loadMs = duration(m.loadMs);
    return loadMs === undefined ? undefined : { kind: "loaded", loadMs };
  }
  if (m.kind === "failed") {
    const message = text(m.message, FAILED_MESSAGE_CHARS);
    return message === undefined ? undefined : { kind: "failed", message };
  }
  if (m.kind === "done") {
    const stdout = text(m.stdout, PYODIDE_OUTPUT_LIMIT_CHARS);
    const stderr = text(m.stderr, PYODIDE_OUTPUT_LIMIT_CHARS);
    const runMs = duration(m.runMs);
    if (stdout === undefined || stderr === undefined || runMs === undefined) return undefined;
    if (typeof m.ok !== "boolean" || typeof m.cut !== "boolean") return undefined;
    return { kind: "done", ok: m.ok, stdout, stderr, runMs, cut: m.cut };
  }
  return undefined;
}
