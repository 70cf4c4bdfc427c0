// Builds of the native harness running at once in separate processes (test files, the bench) share its
// cache: each links a file of its own and renames it into place.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { discoverNative, harnessMode, harnessUnsupportedReason, runHarness } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const HARNESS_C = join(here, "..", "..", "oracle", "native", "harness.c");
const BUILDS = 4;
const i = (await discoverNative()).findLast(
  (x) => harnessUnsupportedReason(x) === undefined && harnessMode(x) === "before-startup",
);
const compiler = process.env.CC || "gcc";
const hasCompiler = spawnSync(compiler, ["--version"]).status === 0;

/** Builds the harness from `source` in a Node process of its own; resolves with its output. */
function buildInChild(executable: string, source: string) {
  const script = `import { buildAgainst, discoverNative } from "@pymem/oracle";
const [i] = await discoverNative({ PYMEM_PYTHONS: ${JSON.stringify(executable)} });
process.stdout.write(buildAgainst(i, ${JSON.stringify(source)}, "race"));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: join(here, "..") });
  let out = "";
  let err = "";
  child.stdout.on("data", (b: Buffer) => {
    out += b;
  });
  child.stderr.on("data", (b: Buffer) => {
    err += b;
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out, err })),
  );
}

describe("the harness cache", () => {
  it(`takes ${BUILDS} builds of one harness at once, each ending with a working harness`, {
    timeout: 120_000,
  }, async (ctx) => {
    requireOrSkip(ctx, i !== undefined && hasCompiler, "no native CPython 3.4-3.11 with a C compiler");
    // A source of its own (a new cache key), so that every process really compiles.
    const source = join(mkdtempSync(join(tmpdir(), "pymem-race-")), "harness.c");
    writeFileSync(source, `${readFileSync(HARNESS_C, "utf8")}\n/* ${randomUUID()} */\n`);
    const runs = await Promise.all(
      Array.from({ length: BUILDS }, () => buildInChild(i?.executable as string, source)),
    );
    const built = runs[0]?.out as string;
    try {
      expect(runs.map((r) => r.err)).toEqual(Array(BUILDS).fill(""));
      expect(runs.map((r) => [r.code, r.out])).toEqual(Array(BUILDS).fill([0, built]));
      expect(runHarness(built, "a 1 16\nf 1\n").output).toMatch(/^a 1 /m);
      expect(readdirSync(dirname(built)).filter((f) => f.startsWith(`${basename(built)}.`))).toEqual([]);
    } finally {
      if (built) rmSync(built, { force: true });
    }
  });
});
