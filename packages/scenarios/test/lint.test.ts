// The claim lint (test262's lint step): structure and metadata rules every claim must follow.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { CLAIM_FOLDERS, CLAIMS, isTag } from "../src/index.js";

const claimsDir = join(import.meta.dirname, "..", "claims");
const folders = readdirSync(claimsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const han = /\p{Script=Han}/u;

describe("claims/ layout", () => {
  it("lists every claim folder in claims/index.ts, and nothing else", () => {
    expect(Object.values(CLAIM_FOLDERS).sort()).toEqual([...folders].sort());
    expect(CLAIMS.map((c) => c.id).sort()).toEqual(Object.keys(CLAIM_FOLDERS).sort());
  });

  it.each(folders)("%s: is named <id>-<slug> and has claim.ts, a spec and a witness", (folder) => {
    const id = folder.split("-")[0] as string;
    expect(folder).toMatch(/^(C|X)\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const file of ["claim.ts", `${id}.spec.ts`, "witness.py"]) {
      expect(existsSync(join(claimsDir, folder, file)), `${folder}/${file}`).toBe(true);
    }
  });

  // `pnpm new:claim` scaffolds with these placeholders; a claim is done when none is left.
  it.each(folders)("%s: has no TODO(new-claim) placeholder left", (folder) => {
    const files = readdirSync(join(claimsDir, folder), { withFileTypes: true }).filter((f) => f.isFile());
    const unfinished = files
      .filter((f) => readFileSync(join(claimsDir, folder, f.name), "utf8").includes("TODO(new-claim)"))
      .map((f) => `${folder}/${f.name}`);
    expect(unfinished, "fill in every TODO(new-claim) placeholder (see docs/contributing.md)").toEqual([]);
  });
});

describe.each(CLAIMS.map((c) => [c.id, c] as const))("claim %s metadata", (_id, c) => {
  it("has a unique id", () => {
    expect(CLAIMS.filter((o) => o.id === c.id)).toHaveLength(1);
  });

  it("is stated in English and in Chinese", () => {
    for (const text of [c.title, c.claim, ...c.verdicts.map((v) => v.reason)]) {
      expect(text.en.trim()).not.toBe("");
      expect(text.en).not.toMatch(han);
      expect(text.zh).toMatch(han);
    }
  });

  it("uses registered tags only", () => {
    expect(c.tags.filter((t) => !isTag(t))).toEqual([]);
  });

  it("gives exactly one verdict for every modelled profile", () => {
    for (const p of PROFILES) {
      expect(
        c.verdicts.filter((v) => v.profiles.includes(p.id)),
        p.id,
      ).toHaveLength(1);
    }
    const known = new Set(PROFILES.map((p) => p.id));
    expect(c.verdicts.flatMap((v) => v.profiles).filter((id) => !known.has(id))).toEqual([]);
  });

  it("says since when an outdated claim stopped holding", () => {
    for (const v of c.verdicts) if (v.verdict === "outdated") expect(v.since ?? "").not.toBe("");
  });

  it("cites CPython sources by file and symbol", () => {
    expect(c.refs.length).toBeGreaterThan(0);
    for (const r of c.refs) expect(r.file).toMatch(/^(Objects|Include|Python|Modules|Lib)\//);
  });
});
