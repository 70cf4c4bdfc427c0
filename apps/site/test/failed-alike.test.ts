// Identical failures are shown once: a claim's spec runs a test per build, and one wrong expectation
// fails them all alike (client/spec-editor/render-results.ts failedAlike).
import { describe, expect, it } from "vitest";
import { failedAlike } from "../src/client/spec-editor/render-results.js";
import type { TestOutcome } from "../src/lib/shim/vitest-shim.js";

const failing = (name: string, message: string | undefined): TestOutcome => ({
  path: ["C08", name],
  status: "fail",
  durationMs: 1,
  ...(message === undefined ? {} : { error: { name: "AssertionError", message } }),
});

describe("failedAlike", () => {
  it("groups failures by their error, in the order each first appears", () => {
    const tests = [
      failing("3.12", "expected 3 to be 2"),
      failing("3.13", "expected 3 to be 2"),
      failing("3.14", "expected 2 to be 1"),
      failing("3.15", "expected 3 to be 2"),
    ];
    expect(failedAlike(tests).map((g) => g.map((t) => t.path[1]))).toEqual([
      ["3.12", "3.13", "3.15"],
      ["3.14"],
    ]);
  });

  it("keeps apart failures without an error, and errors of another name", () => {
    const other: TestOutcome = { ...failing("b", "m"), error: { name: "TypeError", message: "m" } };
    const tests = [failing("a", undefined), failing("a2", undefined), failing("b", "m"), other];
    expect(failedAlike(tests)).toHaveLength(4);
  });
});
