// Offline under the server `npm start` runs (issue 19, item 13). `astro preview` answers with
// `Vary: Origin`, and Chromium requests module scripts with an Origin header, so a cache lookup that
// honours Vary misses them and offline pages came up without scripts. Pages in both languages are loaded
// online, the server is stopped and the context set offline, then each page is reloaded and must run its
// scripts: the spec blocks' buttons shown, the editor opening, and search finding the page's words.
import { requireOrSkip } from "@pymem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Lang, type PageId, pageHref } from "../../src/lib/sections.js";
import { type AstroPreview, startAstroPreview } from "./astro-preview.js";
import { screenshot, searchFor, watchPage } from "./harness.js";
import { HEAVY_TEST_MS, RESULT_MS, ready, siteSession, why } from "./site-session.js";

const { browser, pageErrors } = siteSession();

const PAGES: readonly PageId[] = ["intro", "refcount", "pools"];
/** A word each language's pages use, to search for. */
const QUERY: Readonly<Record<Lang, string>> = { en: "arena", "zh-CN": "引用计数" };

async function searchFinds(p: Page, query: string): Promise<string | null> {
  await searchFor(p, query);
  const first = p.locator("#starlight__search .pagefind-ui__result-link").first();
  await first.waitFor({ timeout: RESULT_MS });
  return first.getAttribute("href");
}

describe("offline under npm start's server", () => {
  it(
    "reloads pages in both languages offline with their scripts: editor and search work",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const server: AstroPreview = await startAstroPreview();
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const offsite: string[] = [];
      try {
        const p = await context.newPage();
        watchPage(p, server.origin, offsite, pageErrors);
        const vary = (await p.goto(`${server.origin}/`))?.headers().vary ?? "";
        // The premise: the server varies on Origin (if it stops doing so, this test checks less).
        expect(vary.toLowerCase()).toContain("origin");
        await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        if (!(await p.evaluate(() => navigator.serviceWorker.controller !== null))) await p.reload();
        await p.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
          timeout: 30_000,
        });
        const paths = (["en", "zh-CN"] as const).flatMap((lang) =>
          PAGES.map((page) => [pageHref(page, lang), lang] as const),
        );
        for (const [path] of paths) await p.goto(`${server.origin}${path}`, { waitUntil: "load" });

        await server.stop();
        await context.setOffline(true);
        await p.close();
        // A new tab per page: the tab's memory cache would otherwise hand out scripts loaded online.
        for (const [path, lang] of paths) {
          const tab = await context.newPage();
          watchPage(tab, server.origin, offsite, pageErrors);
          await tab.goto(`${server.origin}${path}`);
          expect(await tab.locator("html").getAttribute("lang")).toBe(lang);
          // enhance.ts defines the spec block's element and unhides its Edit button.
          await tab.waitForFunction(
            () =>
              customElements.get("pymem-spec") &&
              !document.querySelector("pymem-spec [data-action=edit]")?.hasAttribute("hidden"),
            undefined,
            { timeout: 15_000 },
          );
          // The editor (Monaco and the runner's chunks, all lazy) once: Chromium loads it the same in both languages.
          if (path === pageHref("refcount", "en")) {
            const spec = tab.locator("pymem-spec").first();
            await spec.locator("[data-action=edit]").click();
            await spec.locator(".spec-live[data-ready=true]").waitFor({ timeout: 60_000 });
            await screenshot(tab, "offline-npm-start");
          }
          expect(await searchFinds(tab, QUERY[lang])).toMatch(
            lang === "en" ? /^\/(?!zh-cn\/)/ : /^\/zh-cn\//,
          );
          await tab.close();
        }
        expect(offsite).toEqual([]);
      } finally {
        await context.close();
        await server.stop();
      }
    },
    // Precaching 17 MB through the preview server, then six pages offline: longer than the usual heavy test.
    2 * HEAVY_TEST_MS,
  );
});
