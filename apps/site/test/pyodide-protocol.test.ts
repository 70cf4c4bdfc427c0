// The page's check of what Pyodide's sandbox sends back (lib/sandbox/pyodide-protocol.ts): the worker
// runs a reader's Python, which reaches its JavaScript, so every message is untrusted data.
import { describe, expect, it } from "vitest";
import { PYODIDE_OUTPUT_LIMIT_CHARS } from "../src/lib/limits.js";
import { FAILED_MESSAGE_CHARS, readPyodideMessage } from "../src/lib/sandbox/pyodide-protocol.js";

const done = { kind: "done", ok: true, stdout: "3\n", stderr: "", runMs: 4, cut: false };

describe("readPyodideMessage", () => {
  it("rebuilds the messages it knows from their fields, dropping any other", () => {
    expect(readPyodideMessage({ ...done, html: "<img onerror=x>" })).toEqual(done);
    expect(readPyodideMessage({ kind: "loaded", loadMs: 1800, extra: 1 })).toEqual({
      kind: "loaded",
      loadMs: 1800,
    });
    expect(readPyodideMessage({ kind: "failed", message: "no wasm" })).toEqual({
      kind: "failed",
      message: "no wasm",
    });
  });

  it("refuses other kinds, wrong types and text over the caps", () => {
    const refused = [
      null,
      "done",
      { kind: "ready" },
      { ...done, ok: "yes" },
      { ...done, cut: undefined },
      { ...done, stdout: 3 },
      { ...done, runMs: Number.NaN },
      { ...done, runMs: -1 },
      { ...done, stdout: "x".repeat(PYODIDE_OUTPUT_LIMIT_CHARS + 1) },
      { ...done, stderr: "x".repeat(PYODIDE_OUTPUT_LIMIT_CHARS + 1) },
      { kind: "loaded", loadMs: Number.POSITIVE_INFINITY },
      { kind: "failed", message: "x".repeat(FAILED_MESSAGE_CHARS + 1) },
    ];
    for (const m of refused) expect(readPyodideMessage(m), JSON.stringify(m)?.slice(0, 80)).toBeUndefined();
  });

  it("accepts output exactly at the cap", () => {
    const full = "x".repeat(PYODIDE_OUTPUT_LIMIT_CHARS);
    expect(readPyodideMessage({ ...done, stdout: full, cut: true })).toEqual({
      ...done,
      stdout: full,
      cut: true,
    });
  });
});
