// The claim lint (test262's lint step): structure and metadata rules every claim must follow.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import {
  CLAIMS,
  claimPaths,
  INCLUDES_FOLDER,
  includesOf,
  isBeyondArticle,
  isSection,
  isTag,
  PARAGRAPHS_PER_SECTION,
} from "../src/index.js";

const claimsDir = join(import.meta.dirname, "..", "claims");
const folders = readdirSync(claimsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== INCLUDES_FOLDER)
  .map((d) => d.name);
const han = /\p{Script=Han}/u;

describe("claims/ layout", () => {
  it("has one claim for every folder, in id order (the generated index)", () => {
    expect(CLAIMS.map((c) => c.folder)).toEqual([...folders].sort());
  });

  it.each(folders)("%s: is named <id>-<slug> and has claim.ts, a spec and a witness", (folder) => {
    const paths = claimPaths(folder);
    for (const file of [paths.claim, paths.spec, paths.witness]) {
      expect(existsSync(join(claimsDir, "..", file)), file).toBe(true);
    }
  });

  const helpers = readdirSync(join(claimsDir, INCLUDES_FOLDER)).filter((f) => f.endsWith(".py"));
  const included = (folder: string) =>
    includesOf(readFileSync(join(claimsDir, folder, "witness.py"), "utf8"));

  it.each(folders)("%s: includes only helpers that claims/_includes/ has", (folder) => {
    expect(included(folder).filter((name) => !helpers.includes(name))).toEqual([]);
  });

  it("has no helper in claims/_includes/ that no witness includes", () => {
    const used = new Set(folders.flatMap(included));
    expect(helpers.filter((h) => !used.has(h))).toEqual([]);
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

  // "快 1.2 倍" reads as "1.2 times faster" to some and "2.2 times as fast" to others, and "小 512 倍" as
  // badly: a ratio in Chinese says what it is a multiple of ("是……的 1.2 倍").
  it("states ratios in Chinese without 快/慢/大/小/多/少 N 倍", () => {
    for (const text of [c.title, c.claim, ...c.verdicts.map((v) => v.reason)]) {
      expect(text.zh).not.toMatch(/[快慢大小多少高低]\s*[\d.]+(\s*[–-]\s*[\d.]+)?\s*倍/);
    }
  });

  it("uses registered tags only", () => {
    expect(c.tags.filter((t) => !isTag(t))).toEqual([]);
  });

  it("belongs to a registered section (src/sections.ts)", () => {
    expect(isSection(c.section), `unknown section "${c.section}"`).toBe(true);
  });

  it("points to its paragraph of the article (src/article.ts), unless it goes beyond the article", () => {
    if (isBeyondArticle(c)) expect(c.paragraph, "an X scenario has no paragraph").toBeUndefined();
    else {
      expect(c.paragraph, "paragraph: the paragraph of its section where the article says it").toBeDefined();
      expect(c.paragraph).toBeGreaterThanOrEqual(1);
      expect(c.paragraph).toBeLessThanOrEqual(PARAGRAPHS_PER_SECTION[c.section]);
    }
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
    for (const r of c.refs) expect(r.file).toMatch(/^(Objects|Include|Python|Modules|Lib|Parser)\//);
  });
});
