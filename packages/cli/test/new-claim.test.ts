// `pymem new-claim` on temporary scenarios folders (never the real claims/): the folder is the whole
// change, what is refused with nothing written, and that a fresh scaffold is listed by the generated
// index, typechecks and is Biome-clean, as the scenarios package and the lint would see it.
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
import { SCENARIOS_DIR } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { newClaimCommand } from "../src/new-claim.js";
import { captured } from "./capture.js";

const scenariosDir = SCENARIOS_DIR;
const repoRoot = join(scenariosDir, "..", "..");

/** A scenarios root with two claim folders (their contents do not matter here). */
function tempScenarios(): string {
  const root = mkdtempSync(join(tmpdir(), "pymem-new-claim-"));
  for (const folder of ["C01-one", "X01-first"]) {
    mkdirSync(join(root, "claims", folder), { recursive: true });
    writeFileSync(join(root, "claims", folder, "claim.ts"), "// another claim\n");
  }
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
  const { code, out, err } = captured((o, e) => newClaimCommand(args, root, { out: o, err: e }));
  return { code, out, err };
}

describe("pymem new-claim", () => {
  it("writes the three files of the claim's folder, and nothing else", () => {
    const root = tempScenarios();
    const before = snapshot(root);
    const r = run(root, "C12", "pool-size", "--section", "§3");
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(root, "claims", "C12-pool-size")).sort()).toEqual([
      "C12.spec.ts",
      "claim.ts",
      "witness.py",
    ]);
    const after = snapshot(root);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.every((f) => f.startsWith(join(root, "claims", "C12-pool-size")))).toBe(true);
    expect(Object.keys(before).every((f) => after[f] === before[f])).toBe(true);
    expect(readFileSync(join(root, "claims", "C12-pool-size", "claim.ts"), "utf8")).toContain(
      'section: "§3"',
    );
    expect(r.out).toContain("pnpm oracle record C12");
    expect(r.out).toContain("pnpm claims --claim C12");
  });

  it("refuses an id that has a folder already, and changes nothing", () => {
    const root = tempScenarios();
    expect(run(root, "X05", "again", "--section", "§2").code).toBe(0);
    const before = snapshot(root);
    const twice = run(root, "X05", "again", "--section", "§2");
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("claims/X05-again already exists");
    const taken = run(root, "X01", "other-slug", "--section", "§2");
    expect(taken.code).toBe(2);
    expect(taken.err).toContain("claims/X01-first already exists");
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
    const root = tempScenarios();
    const before = snapshot(root);
    const r = run(root, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("usage: pymem new-claim ID SLUG --section intro|§1|§2|§3");
    expect(snapshot(root)).toEqual(before);
  });

  it("scaffolds files that the generated index lists, that typecheck and pass Biome", {
    timeout: 30_000,
  }, () => {
    // A copy of the package's src/ (without what is generated) and its generator; node_modules and
    // compiler options are the package's own.
    const root = tempScenarios();
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    cpSync(join(scenariosDir, "src"), join(root, "src"), {
      recursive: true,
      filter: (path) => !path.includes(join("src", "generated")),
    });
    cpSync(join(scenariosDir, "scripts"), join(root, "scripts"), { recursive: true });
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
    // The generator ran: the index lists the new claim with its folder.
    expect(readFileSync(join(root, "src", "generated", "claims.ts"), "utf8")).toContain(
      'claimInFolder(x99, "X99-scaffold-check")',
    );

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
    for (const file of ["claim.ts", "X99.spec.ts"].map((f) => join(folder, f))) {
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
