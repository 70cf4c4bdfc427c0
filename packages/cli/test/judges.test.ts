// pymem judges: the list of every judge, as a table and as JSON, and its refusals.
import { ARCHIVE_BUILDS } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { judgesCommand } from "../src/judges.js";
import { captured } from "./capture.js";

async function run(args: string[]) {
  const r = captured((o, e) => judgesCommand(args, o, e));
  return { code: await r.code, out: r.out, err: r.err };
}

describe("pymem judges", () => {
  it("answers --help with its usage and refuses an unknown argument in one line", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: pymem judges/);
    for (const b of ARCHIVE_BUILDS) expect(help.out).toContain(b.id);
    const wrong = await run(["--fast"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err.trim().split("\n")).toEqual([
      'pymem judges: unknown argument "--fast" (see pymem judges --help)',
    ]);
  });

  it("prints one JSON object per judge, at least 22 and the mimalloc runs here", {
    timeout: 120_000,
  }, async (ctx) => {
    const r = await run(["--json"]);
    expect(r.code).toBe(0);
    const judges = JSON.parse(r.out) as Record<string, unknown>[];
    for (const j of judges)
      expect(Object.keys(j)).toEqual([
        "id",
        "version",
        "pointerSize",
        "allocator",
        "debug",
        "freeThreaded",
        "executable",
        "env",
      ]);
    const ids = judges.map((j) => j.id as string);
    const missingArchive = ARCHIVE_BUILDS.filter((b) => !ids.includes(b.id)).map((b) => b.id);
    requireOrSkip(ctx, missingArchive.length === 0, `archive judges missing: ${missingArchive.join(", ")}`);
    expect(judges.length).toBeGreaterThanOrEqual(22);
    expect(judges.filter((j) => j.executable === null).every((j) => String(j.id).endsWith("-pyodide"))).toBe(
      true,
    );
    const mimalloc = judges.filter((j) => (j.env as Record<string, string>).PYTHONMALLOC === "mimalloc");
    expect(mimalloc.length).toBeGreaterThanOrEqual(5);
    expect(mimalloc.every((j) => j.allocator === "mimalloc")).toBe(true);
    expect(judges.filter((j) => j.pointerSize === 4 && j.executable !== null).length).toBeGreaterThanOrEqual(
      4,
    );
  });
});
