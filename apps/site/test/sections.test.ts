// The built section pages, checked against the claims in @pymem/scenarios: every claim is on its
// section's page in both languages, with its verdicts, its spec as static code and its witness.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS, type Claim, claimPaths } from "@pymem/scenarios";
import { readScenarioFile } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { claimsOn, pageHref, pageOf, STORY_PAGES } from "../src/lib/sections.js";

const dist = join(import.meta.dirname, "..", "dist");
const htmlOf = (href: string) => readFileSync(join(dist, href, "index.html"), "utf8");
const langs = ["en", "zh-CN"] as const;
/** The page's text: tags removed, the entities Astro writes decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("section pages", () => {
  it.each(
    langs.flatMap((l) => [...STORY_PAGES, "verdicts" as const].map((p) => [pageHref(p, l), l] as const)),
  )("%s exists and says its language", (href, lang) => {
    expect(existsSync(join(dist, href, "index.html"))).toBe(true);
    expect(htmlOf(href)).toMatch(new RegExp(`<html[^>]*lang="${lang}"`));
  });

  it("puts every claim on a page", () => {
    const unplaced = CLAIMS.filter((c) => !STORY_PAGES.includes(pageOf(c)));
    expect(unplaced.map((c) => `${c.id} (${c.section})`)).toEqual([]);
  });

  const cases = CLAIMS.flatMap((c) => langs.map((l) => [c.id, l, c] as const));
  it.each(cases)(
    "%s (%s) is on its page with title, verdicts, spec and witness",
    (_id, lang, claim: Claim) => {
      const page = pageOf(claim);
      if (page === undefined) throw new Error(`${claim.id} has no page`);
      const html = htmlOf(pageHref(page, lang));
      const title = lang === "en" ? claim.title.en : claim.title.zh;
      expect(html).toContain(`id="${claim.id.toLowerCase()}"`);
      const text = textOf(html);
      expect(text).toContain(title);
      // The verdict grid names every verdict kind the claim uses.
      expect(html).toMatch(/class="verdict-grid"/);
      for (const v of claim.verdicts) expect(html).toContain(`verdict-${v.verdict}`);
      // The spec is in the page as static text: its describe() title, readable without JavaScript.
      const spec = readScenarioFile(claimPaths(claim.folder).spec);
      const describeTitle = /describe\("([^"]+)"/.exec(spec)?.[1];
      if (describeTitle) expect(text).toContain(describeTitle);
      expect(html).toContain(`<pymem-spec data-claim="${claim.id}"`);
      expect(html).toContain(`<pymem-witness data-claim="${claim.id}"`);
    },
  );

  it.each(langs)("the verdict overview (%s) lists every claim", (lang) => {
    const html = htmlOf(pageHref("verdicts", lang));
    for (const c of CLAIMS) expect(html).toContain(`#${c.id.toLowerCase()}"`);
  });

  // A line break of the Chinese source must not show as a space between two characters ("参数 持有").
  it.each([...STORY_PAGES, "verdicts" as const])(
    "%s (zh-CN) has no space between Chinese characters",
    (page) => {
      const html = htmlOf(pageHref(page, "zh-CN"));
      const blocks = html.match(/<(p|li)[ >][\s\S]*?<\/\1>/g) ?? [];
      const cjk = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
      const gap = new RegExp(`[${cjk}]\\s+[${cjk}]`, "gu");
      // Screen-reader labels sit next to their chips, not inside a sentence.
      const shown = (block: string) => block.replace(/<span class="sr-only">[^<]*<\/span>/g, "");
      const gaps = blocks.flatMap((b) => textOf(shown(b)).match(gap) ?? []);
      expect(gaps).toEqual([]);
    },
  );

  // Claims mark code with backticks, as Markdown does; the page shows it as code, never the backticks.
  it.each(langs)("claim statements and reasons (%s) show no literal backticks", (lang) => {
    const left = STORY_PAGES.flatMap((page) => {
      const html = htmlOf(pageHref(page, lang));
      const prose = [
        ...(html.match(/<blockquote class="claim-statement"[\s\S]*?<\/blockquote>/g) ?? []),
        ...(html.match(/<ul class="verdict-reasons"[\s\S]*?<\/ul>/g) ?? []),
      ];
      return prose
        .map((p) => textOf(p.replace(/<code[^>]*>[\s\S]*?<\/code>/g, "")))
        .filter((t) => t.includes("`"));
    });
    expect(left.map((t) => t.slice(Math.max(0, t.indexOf("`") - 30), t.indexOf("`") + 30))).toEqual([]);
  });

  it("shows a claim once, on one page", () => {
    const counts = CLAIMS.map((c) => STORY_PAGES.filter((p) => claimsOn(p, CLAIMS).includes(c)).length);
    expect(counts.every((n) => n === 1)).toBe(true);
  });
});
