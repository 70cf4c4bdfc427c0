// Reading the site as readers do, on a 320 px and a 390 px phone and a 1400 px desktop, in both languages:
// every page fits the screen, "On this page" lists the claims, verdict tables show every build or say that
// they scroll, the columns with unusual names are explained in the text, and axe finds nothing to report,
// with and without scripts, and in the open editor.
import { CLAIMS } from "@pymem/scenarios";
import { requireOrSkip } from "@pymem/testkit";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pick } from "../../src/lib/i18n.js";
import { codeRuns } from "../../src/lib/inline-code.js";
import { claimsOn, type Lang, type PageId, pageHref, pageOf, STORY_PAGES } from "../../src/lib/sections.js";
import { GRID_COLUMNS } from "../../src/lib/verdict-grid.js";
import { axeViolations, codeBlocksSettled, withoutScripts } from "./axe.js";
import { editableClaim, HEAVY_TEST_MS, RESULT_MS, ready, siteSession, why } from "./site-session.js";

const { browser, open } = siteSession();

const LANGS: readonly Lang[] = ["en", "zh-CN"];
const READING_PAGES: readonly PageId[] = [...STORY_PAGES, "verdicts"];
const PHONES = [320, 390] as const;
const DESKTOP = 1400;

/** A phone (touch, and a layout viewport that grows with the page if anything is too wide) or a desktop. */
const screenOf = (width: number): BrowserContextOptions =>
  width < 768
    ? { viewport: { width, height: 800 }, isMobile: true, hasTouch: true }
    : { viewport: { width, height: 900 } };

async function openAt(path: string, width: number, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser().newContext({ ...screenOf(width), serviceWorkers: "block", ...options });
  return open(path, context);
}

const each = <T>(widths: readonly number[], pages: readonly T[]): [T, Lang, number][] =>
  LANGS.flatMap((lang) => pages.flatMap((page) => widths.map((w) => [page, lang, w] as [T, Lang, number])));

/** The claim's title as the table of contents shows it: plain text, without the backticks that mark code. */
const plainTitle = (text: string) =>
  codeRuns(text)
    .map((r) => r.text)
    .join("");

/** Columns named other than by their release line ("3.6 pyenv", "3.7.0–3.7.3"): they need a word of explanation. */
const unusualColumns = GRID_COLUMNS.filter((c) => c.heading !== c.sixtyFour.id);

describe("reading on a phone and a desktop", () => {
  it.for(each([...PHONES, DESKTOP], READING_PAGES))(
    "%s (%s) fits a %i px screen, with its menu and search in view",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      await p.waitForLoadState("networkidle");
      const fit = await p.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
        // Header buttons shown at this width (the menu button only on narrow screens).
        buttons: [...document.querySelectorAll<HTMLElement>("header button")]
          .filter((b) => b.offsetParent !== null)
          .map((b) => Math.round(b.getBoundingClientRect().right)),
      }));
      expect(fit.page, "document width").toBeLessThanOrEqual(width);
      expect(fit.screen, "layout viewport").toBe(width);
      expect(fit.buttons.length).toBeGreaterThan(0);
      for (const right of fit.buttons) expect(right).toBeLessThanOrEqual(width);
      await p.context().close();
    },
  );

  it.for(LANGS.flatMap((lang) => PHONES.map((w) => [lang, w] as [Lang, number])))(
    "the spec editor (%s) on a %i px phone fits, and gives no desktop key hints",
    { timeout: HEAVY_TEST_MS },
    async ([lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const { claim, scope } = editableClaim();
      const p = await openAt(pageHref(pageOf(claim), lang), width);
      await p.locator(`${scope} [data-action=edit]`).tap();
      await p.locator(`${scope} .spec-live[data-ready=true]`).waitFor({ timeout: 60_000 });
      await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      const keys = /Ctrl|Esc|⌘/;
      const hints = await p.locator(`${scope} .spec-hint`).allTextContents();
      expect(hints.length).toBeGreaterThan(0);
      for (const hint of hints) expect(hint).not.toMatch(keys);
      expect(await p.locator(`${scope} textarea`).getAttribute("aria-label")).not.toMatch(keys);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await p.context().close();
    },
  );

  it.for(each([PHONES[1], DESKTOP], STORY_PAGES))(
    "%s (%s) at %i px lists its claims under On this page",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      const toc = width === DESKTOP ? "starlight-toc" : "mobile-starlight-toc";
      const links = await p
        .locator(`${toc} nav a`)
        .evaluateAll((as) => as.map((a) => [a.getAttribute("href") ?? "", a.textContent?.trim() ?? ""]));
      const claims = claimsOn(page, CLAIMS);
      expect(claims.length).toBeGreaterThan(0);
      const at = (id: string) => links.findIndex(([href]) => href === `#${id.toLowerCase()}`);
      for (const c of claims) {
        const i = at(c.id);
        expect(i, `${c.id} in On this page`).toBeGreaterThanOrEqual(0);
        expect(links[i]?.[1]).toContain(c.id);
        expect(links[i]?.[1]).toContain(plainTitle(pick(c.title, lang)));
        expect(await p.locator(`#${c.id.toLowerCase()}`).count()).toBe(1);
      }
      // In the page's order: after the prose headings, under "claims", in id order.
      const order = claims.map((c) => at(c.id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(at("claims")).toBeGreaterThanOrEqual(0);
      expect(at("claims")).toBeLessThan(order[0] as number);
      await p.context().close();
    },
  );

  it.for(each([DESKTOP], READING_PAGES))(
    "%s (%s) at %i px shows every build column of its verdict tables",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      const seen = await p.evaluate(() => {
        const grids = [...document.querySelectorAll(".verdict-grid")];
        const cut = grids.flatMap((grid) => {
          const frame = (grid.closest(".scroll-region") ?? grid).getBoundingClientRect();
          return [...grid.querySelectorAll("thead th")]
            .filter((th) => {
              const b = th.getBoundingClientRect();
              return b.right > frame.right + 0.5 || b.left < frame.left - 0.5;
            })
            .map((th) => th.textContent);
        });
        return { grids: grids.length, cut };
      });
      expect(seen.grids).toBeGreaterThan(0);
      expect(seen.cut).toEqual([]);
      await p.context().close();
    },
  );

  it.for(each([PHONES[1], DESKTOP], ["refcount", "verdicts"] as const))(
    "%s (%s) at %i px says where a table scrolls sideways, and only there",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      await p.waitForLoadState("networkidle");
      const regions = await p.locator(".scroll-region").evaluateAll((rs) =>
        rs.map((r) => {
          const hint = r.parentElement?.querySelector<HTMLElement>(".scroll-hint");
          return {
            scrolls: r.scrollWidth > r.clientWidth,
            hint: hint ? hint.offsetParent !== null && (hint.textContent ?? "").trim() !== "" : false,
          };
        }),
      );
      expect(regions.length).toBeGreaterThan(0);
      if (width < DESKTOP) expect(regions.some((r) => r.scrolls)).toBe(true);
      for (const r of regions) expect(r.hint).toBe(r.scrolls);
      await p.context().close();
    },
  );

  it.for(
    each(
      [PHONES[1], DESKTOP],
      READING_PAGES.filter((p) => p === "verdicts" || claimsOn(p, CLAIMS).length > 0),
    ),
  )(
    "%s (%s) at %i px explains the unusual build columns in visible text",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      expect(unusualColumns.length).toBeGreaterThan(0);
      const p = await openAt(pageHref(page, lang), width);
      const notes = p.locator(".grid-notes").first();
      expect(await notes.isVisible()).toBe(true);
      for (const c of unusualColumns) {
        const term = notes.locator("dt", { hasText: c.heading });
        expect(await term.isVisible(), c.heading).toBe(true);
        const said = await term.evaluate((dt) =>
          dt.nextElementSibling?.tagName === "DD" ? (dt.nextElementSibling.textContent ?? "").trim() : "",
        );
        expect(said.length, c.heading).toBeGreaterThan(10);
      }
      await p.context().close();
    },
  );

  it.for(each([DESKTOP], READING_PAGES))(
    "%s (%s): Previous and Next stay among the reading pages",
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      const reading = READING_PAGES.map((r) => pageHref(r, lang));
      const targets = await p
        .locator(".pagination-links a")
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const t of targets) expect(reading).toContain(t);
      await p.context().close();
    },
  );
});

describe("axe, reading as readers do", () => {
  it.for(each([PHONES[0], DESKTOP], READING_PAGES))(
    "%s (%s) at %i px: no violations",
    // axe on a long page (28,000 px at 320 px) is slow on a busy machine.
    { timeout: HEAVY_TEST_MS },
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openAt(pageHref(page, lang), width);
      await codeBlocksSettled(p);
      const found = await axeViolations(p);
      expect(found, JSON.stringify(found)).toEqual([]);
      await p.context().close();
    },
  );

  it.for(each([PHONES[0], DESKTOP], READING_PAGES))(
    "%s (%s) at %i px before any script runs: no violations",
    { timeout: HEAVY_TEST_MS },
    async ([page, lang, width], ctx) => {
      requireOrSkip(ctx, ready, why);
      const path = pageHref(page, lang);
      const context = await browser().newContext({ ...screenOf(width), serviceWorkers: "block" });
      await withoutScripts(context, path);
      const p = await open(path, context);
      expect(await p.evaluate(() => document.scripts.length)).toBe(0);
      const found = await axeViolations(p);
      expect(found, JSON.stringify(found)).toEqual([]);
      await p.context().close();
    },
  );

  it.for(LANGS)(
    "the desktop editor (%s): no violations in Monaco, and its key hints shown",
    { timeout: HEAVY_TEST_MS },
    async (lang, ctx) => {
      requireOrSkip(ctx, ready, why);
      const { claim, scope } = editableClaim();
      const p = await openAt(pageHref(pageOf(claim), lang), DESKTOP);
      await p.locator(`${scope} [data-action=edit]`).click();
      await p
        .locator(`${scope} .spec-live[data-editor=monaco][data-ready=true]`)
        .waitFor({ timeout: 60_000 });
      await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      await p.locator(`${scope} .monaco-editor .line-numbers`).first().waitFor();
      expect(await p.locator(`${scope} .spec-hint`).textContent()).toContain("Ctrl+Enter");
      const found = await axeViolations(p, scope);
      expect(found, JSON.stringify(found)).toEqual([]);
      await p.context().close();
    },
  );
});
