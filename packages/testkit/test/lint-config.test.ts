// The repository's lint (Biome, biome.json at the root) enforces "no import cycles", type-only
// imports included: shown on two small modules that import each other, in a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
const biome = join(repoRoot, "node_modules", "@biomejs", "biome", "bin", "biome");

/** Biome's verdict on `files`, in a temporary folder, under the repository's own rules. */
function lint(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "pymem-lint-"));
  const {
    $schema: _schema,
    vcs: _vcs,
    ...config
  } = JSON.parse(readFileSync(join(repoRoot, "biome.json"), "utf8"));
  writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return spawnSync(process.execPath, [biome, "lint", "--error-on-warnings", "."], {
    cwd: dir,
    encoding: "utf8",
  });
}

const cycles: [string, Record<string, string>][] = [
  [
    "an import cycle",
    {
      "a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
      "b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
    },
  ],
  [
    "a type-only import cycle",
    {
      "a.ts": 'import type { B } from "./b.ts";\nexport interface A { b?: B }\n',
      "b.ts": 'import type { A } from "./a.ts";\nexport interface B { a?: A }\n',
    },
  ],
];

describe("the lint", () => {
  it.each(cycles)("refuses %s", (_what, files) => {
    const r = lint(files);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("noImportCycles");
  });

  it("passes the same modules without the cycle", () => {
    const r = lint({ ...cycles[0]?.[1], "b.ts": "export const b = 1;\n" });
    expect(r.stdout + r.stderr).not.toContain("noImportCycles");
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
