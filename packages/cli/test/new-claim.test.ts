// `pymem new-claim` on temporary scenarios folders (never the real claims/): where the claim is listed
// in index.ts, what is refused with nothing written, and that a fresh scaffold typechecks and is
// Biome-clean, as the scenarios package and the lint would see it.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CLAIMS_DIR } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { newClaimCommand } from "../src/new-claim.js";

const scenariosDir = dirname(CLAIMS_DIR);
const repoRoot = join(scenariosDir, "..", "..");

/** index.ts in the real file's format, small enough to spell out the expected results by hand. */
const INDEX = `// Every claim, in id order.
import type { Claim } from "../src/claim.js";
// claims §1–§2 (imports)
import c01 from "./C01-one/claim.js";
import c04 from "./C04-four/claim.js";
// claims §3 (imports)
import c10 from "./C10-ten/claim.js";
import c11 from "./C11-eleven/claim.js";
// scenarios beyond the article (imports)
import x01 from "./X01-first/claim.js";

export const CLAIMS: readonly Claim[] = [
  // claims §1–§2 (list)
  c01,
  c04,
  // claims §3 (list)
  c10,
  c11,
  // scenarios beyond the article (list)
  x01,
].sort((a, b) => a.id.localeCompare(b.id));

/** Folder name of each claim. */
export const CLAIM_FOLDERS: Readonly<Record<string, string>> = {
  // claims §1–§2 (folders)
  C01: "C01-one",
  C04: "C04-four",
  // claims §3 (folders)
  C10: "C10-ten",
  C11: "C11-eleven",
  // scenarios beyond the article (folders)
  X01: "X01-first",
};
`;

/** A scenarios root holding only claims/index.ts. */
function tempScenarios(index: string): string {
  const root = mkdtempSync(join(tmpdir(), "pymem-new-claim-"));
  mkdirSync(join(root, "claims"));
  writeFileSync(join(root, "claims", "index.ts"), index);
  return root;
}

/** Every file under root with its text, to show that a refusal wrote nothing. */
function snapshot(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return Object.fromEntries(
    files.map((f) => [join(f.parentPath, f.name), readFileSync(join(f.parentPath, f.name), "utf8")]),
  );
}

function run(root: string, ...args: string[]) {
  let out = "";
  let err = "";
  const code = newClaimCommand(args, root, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

const indexOf = (root: string) => readFileSync(join(root, "claims", "index.ts"), "utf8");

describe("pymem new-claim", () => {
  it("writes the four files and lists a new C id after the last C id, in the §3 group", () => {
    const root = tempScenarios(INDEX);
    const r = run(root, "C12", "pool-size", "--section", "§3");
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(root, "claims", "C12-pool-size")).sort()).toEqual([
      "C12.spec.ts",
      "claim.ts",
      "model.ts",
      "witness.py",
    ]);
    expect(indexOf(root)).toBe(
      INDEX.replace(
        'import c11 from "./C11-eleven/claim.js";\n',
        'import c11 from "./C11-eleven/claim.js";\nimport c12 from "./C12-pool-size/claim.js";\n',
      )
        .replace("  c11,\n", "  c11,\n  c12,\n")
        .replace('  C11: "C11-eleven",\n', '  C11: "C11-eleven",\n  C12: "C12-pool-size",\n'),
    );
    expect(readFileSync(join(root, "claims", "C12-pool-size", "claim.ts"), "utf8")).toContain(
      'section: "§3"',
    );
    expect(r.out).toContain("pnpm oracle record C12");
    expect(r.out).toContain("pnpm claims --claim C12");
  });

  it("puts a C id into a gap by number, and an X id after the last X id", () => {
    const root = tempScenarios(INDEX);
    expect(run(root, "C02", "two", "--section", "§1").code).toBe(0);
    expect(run(root, "X02", "second", "--section", "§2").code).toBe(0);
    const lines = indexOf(root).split("\n");
    const follows = (line: string, previous: string) => expect(lines[lines.indexOf(line) - 1]).toBe(previous);
    follows('import c02 from "./C02-two/claim.js";', 'import c01 from "./C01-one/claim.js";');
    follows("  c02,", "  c01,");
    follows('  C02: "C02-two",', '  C01: "C01-one",');
    follows('import x02 from "./X02-second/claim.js";', 'import x01 from "./X01-first/claim.js";');
    follows("  x02,", "  x01,");
    follows('  X02: "X02-second",', '  X01: "X01-first",');
  });

  it("starts the scenarios-beyond-the-article group when index.ts has none", () => {
    const withoutX = INDEX.split("\n")
      .filter((l) => !/X01|x01|scenarios beyond/.test(l))
      .join("\n");
    const root = tempScenarios(withoutX);
    expect(run(root, "X01", "first", "--section", "§2").code).toBe(0);
    expect(indexOf(root)).toBe(INDEX);
  });

  it("refuses an id that is listed or on disk, and changes nothing", () => {
    const root = tempScenarios(INDEX);
    expect(run(root, "X05", "again", "--section", "§2").code).toBe(0);
    const before = snapshot(root);
    const twice = run(root, "X05", "again", "--section", "§2");
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("claims/X05-again already exists");
    const listed = run(root, "X01", "other-slug", "--section", "§2");
    expect(listed.code).toBe(2);
    expect(listed.err).toContain("X01 is already listed in claims/index.ts");
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    [["X3", "slug", "--section", "§2"], /"X3" is not a claim id/],
    [["C00", "slug", "--section", "§2"], /"C00" is not a claim id/],
    [["Y01", "slug", "--section", "§2"], /"Y01" is not a claim id/],
    [["X03", "Bad_Slug", "--section", "§2"], /"Bad_Slug" is not a slug/],
    [["X03", "trailing-", "--section", "§2"], /"trailing-" is not a slug/],
    [["X03", "slug"], /--section is required: one of intro, §1, §2, §3/],
    [["X03", "slug", "--section", "§4"], /"§4" is not a section: one of intro, §1, §2, §3/],
    [["X03", "--section", "§2"], /expected ID and SLUG/],
    [["X03", "slug", "extra", "--section", "§2"], /expected ID and SLUG/],
    [["X03", "slug", "--section", "§2", "--force"], /--force/],
  ])("refuses %j with usage, exit code 2 and nothing written", (args, message) => {
    const root = tempScenarios(INDEX);
    const before = snapshot(root);
    const r = run(root, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("usage: pymem new-claim ID SLUG --section intro|§1|§2|§3");
    expect(snapshot(root)).toEqual(before);
  });

  it("scaffolds, against the real index.ts, files that typecheck and pass Biome", { timeout: 30_000 }, () => {
    // A copy of the package's src/ and index.ts; node_modules and compiler options are the package's own.
    const root = tempScenarios(readFileSync(join(CLAIMS_DIR, "index.ts"), "utf8"));
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    cpSync(join(scenariosDir, "src"), join(root, "src"), { recursive: true });
    symlinkSync(join(scenariosDir, "node_modules"), join(root, "node_modules"), "dir");
    const folder = join("claims", "X99-scaffold-check");
    writeFileSync(
      join(root, "tsconfig.json"),
      JSON.stringify({
        extends: join(scenariosDir, "tsconfig.json"),
        compilerOptions: { rootDir: "." },
        include: [folder],
      }),
    );
    const r = run(root, "X99", "scaffold-check", "--section", "§2");
    expect(r.code, r.err).toBe(0);

    const tsc = join(
      dirname(createRequire(import.meta.url).resolve("typescript/package.json")),
      "bin",
      "tsc",
    );
    const typecheck = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(typecheck.stdout + typecheck.stderr).toBe("");
    expect(typecheck.status).toBe(0);

    // Biome reads the text on stdin as if it were at that path in the repository, with its config.
    const biome = join(repoRoot, "node_modules", "@biomejs", "biome", "bin", "biome");
    const files = ["claim.ts", "X99.spec.ts", "model.ts"]
      .map((f) => join(folder, f))
      .concat("claims/index.ts");
    for (const file of files) {
      const text = readFileSync(join(root, file), "utf8");
      const check = spawnSync(
        process.execPath,
        [biome, "check", "--write", "--error-on-warnings", `--stdin-file-path=packages/scenarios/${file}`],
        { cwd: repoRoot, input: text, encoding: "utf8" },
      );
      expect(check.status, `${file}: ${check.stderr}`).toBe(0);
      expect(check.stdout, `${file} is not as Biome would write it`).toBe(text);
    }
  });
});
