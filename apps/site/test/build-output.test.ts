// Checks of the built site (dist/), before any browser is involved: both languages have the same
// pages, each declares its language, the model's data made it into the page, and nothing the page
// loads comes from outside the site's own origin.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PROFILES } from "@pymem/core";
import { ARTICLE, CLAIMS, isBeyondArticle, SECTION_IDS } from "@pymem/scenarios";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist");
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith(".html") ? [join(dir, d.name)] : [],
  );
const pages = existsSync(dist) ? htmlFiles(dist).map((f) => relative(dist, f)) : [];
const read = (page: string) => readFileSync(join(dist, page), "utf8");
const zhPages = pages.filter((p) => p.startsWith("zh-cn/"));
const enPages = pages.filter((p) => !p.startsWith("zh-cn/") && p !== "404.html");

/** Every URL the page makes the browser fetch: scripts, stylesheets, icons, images, preloads. */
function fetchedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(script|img|iframe|source|audio|video)\b[^>]*?\ssrc="([^"]*)"/g))
    urls.push(m[2] ?? "");
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const rel = /\srel="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (/stylesheet|icon|preload|modulepreload|manifest/.test(rel))
      urls.push(/\shref="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return urls;
}

describe("built site", () => {
  it("exists (turbo builds it before testing)", () => {
    expect(pages).toContain("index.html");
    expect(pages).toContain("zh-cn/index.html");
  });

  it("has the same pages in English and Chinese", () => {
    expect(zhPages.map((p) => p.slice("zh-cn/".length)).sort()).toEqual([...enPages].sort());
  });

  it.each(pages)("%s declares its language", (page) => {
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(read(page))?.[1];
    expect(lang).toBe(page.startsWith("zh-cn/") ? "zh-CN" : "en");
  });

  it.each(pages)("%s loads nothing from another origin", (page) => {
    const offsite = fetchedUrls(read(page)).filter((u) => /^([a-z]+:)?\/\//i.test(u));
    expect(offsite).toEqual([]);
  });

  it.each(["memory-pools/index.html", "zh-cn/memory-pools/index.html"])(
    "%s shows every model profile in its table",
    (page) => {
      const html = read(page);
      for (const p of PROFILES) expect(html).toContain(`<th scope="row">${p.label}</th>`);
    },
  );

  // A bare __del__ in Markdown (the API reference's TSDoc text) is strong emphasis around "del".
  it.each(pages)("%s shows dunder names as code, not as bold words", (page) => {
    const html = read(page);
    // (A method heading such as PythonSession's "del(...names)" is bold on purpose.)
    expect(html.match(/<strong>(del|init|new|finalize)<\/strong>(?!\()/g) ?? []).toEqual([]);
  });

  it("shows __del__ in the API reference as code", () => {
    expect(read("api/core/classes/objectheap/index.html")).toMatch(/<code[^>]*>__del__<\/code>/);
  });

  it.each(["index.html", "zh-cn/index.html"])("%s names the article by its title", (page) => {
    expect(read(page)).toContain(ARTICLE.title);
  });

  // A reader holding the article finds each claim's place in it (section, paragraph).
  const statements = (lang: "en" | "zh") =>
    (lang === "zh" ? zhPages : enPages)
      .filter((p) => !p.includes("api/"))
      .flatMap((p) => [...read(p).matchAll(/<h3 id="([a-z]\d\d)"[\s\S]*?<\/blockquote>/g)]);
  const where = { en: statements("en"), zh: statements("zh") };
  it.each(CLAIMS.filter((c) => !isBeyondArticle(c)).map((c) => [c.id, c] as const))(
    "%s says where the article makes it, in both languages",
    (id, claim) => {
      const section = SECTION_IDS.indexOf(claim.section);
      const expected = {
        en: section === 0 ? "in its opening" : `(section ${section}, paragraph ${claim.paragraph})`,
        zh: section === 0 ? "原文开头" : `第 ${claim.paragraph} 段`,
      };
      for (const lang of ["en", "zh"] as const) {
        const cards = where[lang].filter((m) => m[1] === id.toLowerCase()).map((m) => m[0]);
        expect(cards.length, `${id}: no claim card in ${lang}`).toBeGreaterThan(0);
        for (const card of cards) expect(card).toContain(expected[lang]);
      }
    },
  );

  it("links each verdict's recorded builds to their output, on pages that have it", () => {
    const base = (process.env.PYMEM_BASE ?? "/").replace(/\/$/, "");
    const ids = (page: string) => new Set([...read(page).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    let links = 0;
    for (const page of pages) {
      for (const m of read(page).matchAll(/<a class="cell-judges" href="([^"#]*)#([^"]+)"/g)) {
        const path = m[1] ? `${(m[1] as string).slice(base.length).replace(/^\//, "")}index.html` : page;
        expect(pages, `${page} links to ${m[1]}`).toContain(path);
        expect(ids(path).has(m[2] as string), `${page}: #${m[2]} on ${path}`).toBe(true);
        links++;
      }
    }
    // Every claim's grid on its page and on the verdicts page, in both languages: hundreds of links.
    expect(links).toBeGreaterThan(CLAIMS.length * 2 * 2);
  });

  it("ships a search index that covers both languages", () => {
    expect(existsSync(join(dist, "pagefind", "pagefind.js"))).toBe(true);
    const indexes = readdirSync(join(dist, "pagefind")).filter((f) => f.startsWith("pagefind-entry"));
    const entry = JSON.parse(
      readFileSync(join(dist, "pagefind", indexes[0] ?? "pagefind-entry.json"), "utf8"),
    );
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "zh-cn"]);
  });
});
