// The service worker of the built site (dist/sw.js, see src/integrations/offline.ts): its precache list
// holds every page of the story in both languages and every file those pages load, nothing of Pyodide,
// and the worker carries the build's cache version.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { precacheList, registration, SW_FILE } from "../src/integrations/offline.js";
import { type Lang, pageHref, STORY_PAGES } from "../src/lib/sections.js";

const dist = join(import.meta.dirname, "..", "dist");
const built = existsSync(join(dist, SW_FILE));
const sw = built ? readFileSync(join(dist, SW_FILE), "utf8") : "";
const constant = (name: string): unknown =>
  JSON.parse(new RegExp(`^const ${name} = (.*);$`, "m").exec(sw)?.[1] ?? "null");
const precached = (constant("PRECACHE") ?? []) as string[];
const hrefs = (["en", "zh-CN"] as const).flatMap((lang: Lang) =>
  [...STORY_PAGES, "verdicts" as const].map((p) => pageHref(p, lang)),
);
/** "/zh-cn/verdicts/" as the precache list spells it, relative to the worker's scope. */
const relativeUrl = (href: string) => (href === "/" ? "./" : href.replace(/^\//, ""));

describe("the service worker", () => {
  it("is built to dist/sw.js (turbo builds the site before testing)", () => {
    expect(built).toBe(true);
  });

  it("precaches every page of the story in both languages", () => {
    expect(hrefs.length).toBe(2 * (STORY_PAGES.length + 1));
    for (const href of hrefs) expect(precached).toContain(relativeUrl(href));
  });

  it.each(hrefs)("precaches every file %s loads", (href) => {
    const html = readFileSync(join(dist, href, "index.html"), "utf8");
    const loaded = [
      ...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g),
      ...html.matchAll(/<link\b[^>]*\srel="(?:stylesheet|icon|preload|modulepreload)"[^>]*\shref="([^"]+)"/g),
      ...html.matchAll(/<link\b[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|icon|preload|modulepreload)"/g),
      ...html.matchAll(/\bimport\(?\s*"(\/_astro\/[^"]+)"/g),
    ].map((m) => new URL(m[1] as string, `http://x${href}`).pathname);
    expect(loaded.some((u) => u.startsWith("/_astro/"))).toBe(true);
    for (const url of loaded) expect(precached).toContain(url.slice(1));
  });

  it("precaches every hashed asset, the search index, and nothing of Pyodide or the API pages", () => {
    expect(precached.length).toBe(new Set(precached).size);
    expect(precached.filter((u) => /(^|\/)(pyodide|api)\//.test(u))).toEqual([]);
    expect(precached).toContain("pagefind/pagefind.js");
    expect(precached.some((u) => /^_astro\/runner\.worker-.*\.js$/.test(u))).toBe(true);
    expect(precached.some((u) => /^_astro\/editor\.api\..*\.js$/.test(u))).toBe(true);
  });

  it("carries this build's cache version and precache list", () => {
    const { version, pyodideCache, urls } = precacheList(dist);
    expect(constant("VERSION")).toBe(version);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(constant("PYODIDE_CACHE")).toBe(pyodideCache);
    expect(precached).toEqual(urls);
    expect(sw).toMatch(/^const CACHE = `pymem-\$\{VERSION\}`;$/m);
  });

  it("is registered by every built page with a small inline script", () => {
    const script = registration("/");
    for (const href of hrefs)
      expect(readFileSync(join(dist, href, "index.html"), "utf8")).toContain(`<script>${script}</script>`);
    expect(script.length).toBeLessThan(300);
  });
});
