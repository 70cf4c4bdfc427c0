// Facts the pages' prose states in words, checked against the data they come from: a count of claims
// and a version boundary written by hand drift as soon as the claims or the profiles change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROFILES, python } from "@pymem/core";
import { CLAIMS, isBeyondArticle, PROFILED_VERSIONS } from "@pymem/scenarios";
import { describe, expect, it } from "vitest";
import { claimsOn, PAGE_SLUGS, STORY_PAGES } from "../src/lib/sections.js";

const docs = join(import.meta.dirname, "..", "src", "content", "docs");
const source = (page: (typeof STORY_PAGES)[number], zh: boolean) =>
  readFileSync(join(docs, zh ? "zh-cn" : "", `${PAGE_SLUGS[page] || "index"}.mdx`), "utf8");

const EN_NUMBERS = ["no", "one", "two", "three", "four", "five"];
const ZH_NUMBERS = ["零", "一", "两", "三", "四", "五"];

describe("the pages' prose", () => {
  it.each(STORY_PAGES)("%s: says how many claims below go beyond the article, rightly", (page) => {
    const beyond = claimsOn(page, CLAIMS).filter(isBeyondArticle).length;
    const en = /\b(\w+) claims? below go(?:es)? beyond the article/i.exec(source(page, false));
    if (en) expect(EN_NUMBERS.indexOf((en[1] as string).toLowerCase())).toBe(beyond);
    const zh = /下面有(\S)条说法超出了原文/.exec(source(page, true));
    if (zh) expect(ZH_NUMBERS.indexOf(zh[1] as string)).toBe(beyond);
  });

  it("memory-pools: names every release where 64-bit builds start aligning to 16 bytes", () => {
    // Upstream 64-bit profiles in table order (pyenv's patched 3.6 aside); each run of 16-byte
    // alignment starts at its first profile's first release (bpo-27987: 2.7.17, 3.7.4).
    const upstream = PROFILES.filter((p) => p.pointerSize === 8 && !p.id.includes("pyenv"));
    const starts = upstream
      .filter((p, i) => p.alignment === 16 && upstream[i - 1]?.alignment !== 16)
      .map((p) => /\d+\.\d+\.\d+/.exec(p.releases)?.[0]);
    expect(starts.length).toBeGreaterThan(0);
    for (const zh of [false, true]) {
      const text = source("pools", zh);
      for (const release of starts) expect(text, zh ? "zh-cn" : "en").toContain(release);
      expect(text).toContain("bpo-27987");
    }
  });

  it("reference-counting: the picture's paragraph names each version where small ints change kind", () => {
    // The model's kind of count for the int 10 bound to a name, version by version: the paragraph must
    // name the first version of every change (a static count starts at 999,999,999).
    const kinds = PROFILED_VERSIONS.map((v) => {
      const py = python(v);
      py.assign("a", py.int(10));
      return [v, py.sys.refcountKind("a")] as const;
    });
    const changes = kinds.filter(([, kind], i) => i > 0 && kinds[i - 1]?.[1] !== kind);
    expect(changes.length).toBeGreaterThan(0);
    for (const zh of [false, true]) {
      const text = source("refcount", zh);
      const paragraph = text.slice(0, text.indexOf("<RefGraph")).trimEnd().split(/\n\n/).at(-1) ?? "";
      for (const [version, kind] of changes) {
        expect(paragraph, `${zh ? "zh-cn" : "en"}: ${kind} from ${version}`).toContain(version);
        if (kind === "static") expect(paragraph).toContain("999,999,999");
      }
    }
  });

  it.each(STORY_PAGES)("%s (zh-cn): states ratios without 快/慢 N 倍", (page) => {
    expect(source(page, true)).not.toMatch(/[快慢]\s*[\d.]+(\s*[–-]\s*[\d.]+)?\s*倍/);
  });
});
