// The site's search as a reader meets it (issue 19, item 18): the story's pages come first, not the
// generated API reference; a query in the other language's words points to that language's pages; and
// the API reference's Chinese URLs say plainly that it is in English, with a link, instead of a
// "not translated" notice over a copy of the English text.
import { requireOrSkip } from "@pymem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { API_OUTPUT } from "../../src/lib/api-pages.js";
import { screenshot, searchFor } from "./harness.js";
import { HEAVY_TEST_MS, RESULT_MS, ready, siteSession, why } from "./site-session.js";

const { open } = siteSession();

/** The result pages' links, in the order shown. */
async function resultPages(p: Page): Promise<string[]> {
  const links = p.locator("#starlight__search .pagefind-ui__result-title .pagefind-ui__result-link");
  await links.first().waitFor({ timeout: RESULT_MS });
  return links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
}

describe("search", () => {
  it.for([
    ["/", "arena"],
    ["/zh-cn/", "arena"],
  ] as const)(
    "finds the story's pages for %s %s, and no page of the API reference",
    async ([path, query], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await open(path);
      await searchFor(p, query);
      const pages = await resultPages(p);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.filter((href) => href.includes(`/${API_OUTPUT}/`))).toEqual([]);
      await p.context().close();
    },
  );

  it(
    "points a Chinese query on the English pages to the Chinese pages that match",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await open("/");
      await searchFor(p, "引用计数");
      const link = p.locator("#starlight__search .pymem-search-elsewhere a").first();
      await link.waitFor({ timeout: RESULT_MS });
      expect(await link.getAttribute("href")).toMatch(/^\/zh-cn\//);
      await screenshot(p, "search-elsewhere");
      // A query this language does match gets no such note.
      await p.locator("#starlight__search input").fill("arena");
      await resultPages(p);
      await p.waitForTimeout(1000);
      expect(await p.locator("#starlight__search .pymem-search-elsewhere").count()).toBe(0);
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it("says on the API reference's Chinese pages that it is English only, and links there", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const english = `/${API_OUTPUT}/readme/`;
    const p = await open(`/zh-cn${english}`);
    expect(await p.locator("html").getAttribute("lang")).toBe("zh-CN");
    const main = p.locator("main");
    // Starlight's fallback notice ("此内容尚不支持你的语言。") is the placeholder this replaces.
    expect(await main.textContent()).not.toContain("尚不支持");
    expect(await main.locator(`a[hreflang="en"][href="${english}"]`).count()).toBe(1);
    await p.context().close();
  });
});
