// What the site's browser test files share: one static server and one Chromium per file (started in
// beforeAll, stopped in afterAll), pages opened on them with every off-site request and page error
// recorded, and the steps of opening, editing and running a claim's spec as a reader does.
import { readFileSync } from "node:fs";
import { CLAIMS, type Claim } from "@pymem/scenarios";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type PageId, pageHref, pageOf } from "../../src/lib/sections.js";
import {
  chromiumPath,
  launchChromium,
  type Preview,
  replaceEditorText,
  siteBuilt,
  startPreview,
  watchPage,
} from "./harness.js";

/** Tests that load Monaco or Pyodide: generous, since CI runs them beside other packages' tests on 2 cores. */
export const HEAVY_TEST_MS = 180_000;
/**
 * How long a test waits for a spec's result after Run. Functional, not a speed check (the bench measures
 * edit to result): in CI the page shares two cores with every other package's tests.
 */
export const RESULT_MS = 45_000;
const executable = chromiumPath();
export const why =
  "Debian's chromium is not installed (apt-get install -y chromium), or the site is not built";
export const ready = executable !== undefined && siteBuilt();

/** A claim whose spec imports describe, it and expect, so a test can be added to it as a reader would. */
export function editableClaim(): { claim: Claim; source: string; scope: string; path: string } {
  for (const claim of CLAIMS) {
    const page = pageOf(claim);
    if (!page) continue;
    const html = readFileSync(
      new URL(`../../dist${pageHref(page, "en")}index.html`, import.meta.url),
      "utf8",
    );
    const m = new RegExp(
      `<pymem-spec data-claim="${claim.id}"[\\s\\S]*?data-spec-source>([\\s\\S]*?)</script>`,
    ).exec(html);
    const source = m ? (JSON.parse(m[1] as string) as string) : "";
    if (
      /import \{[^}]*\bdescribe\b[^}]*\} from "vitest"/.test(source) &&
      /\bit\b/.test(source) &&
      /\bexpect\b/.test(source)
    )
      return { claim, source, scope: `pymem-spec[data-claim="${claim.id}"]`, path: pageHref(page, "en") };
  }
  throw new Error("no claim spec imports describe, it and expect from vitest");
}

/** The spec with one more describe block at its end, as a reader adds a test. */
export const withTest = (source: string, block: string): string => `${source.trimEnd()}\n\n${block.trim()}\n`;

export interface SiteSession {
  readonly browser: () => Browser;
  readonly origin: () => string;
  /** Every request that left the origin, and every uncaught page error, in this file's pages. */
  readonly offsite: string[];
  readonly pageErrors: string[];
  /** A page at `path` in a new context (service workers blocked unless `context` is given). */
  open(path: string, context?: BrowserContext, options?: BrowserContextOptions): Promise<Page>;
  /** The editable claim's page in English with its live editor loaded. */
  openLiveEditor(): Promise<{ p: Page; scope: string; source: string }>;
  /** Puts the original spec back, requires that it runs and passes (the page still works), and closes. */
  runOriginalAndClose(p: Page, scope: string, source: string): Promise<void>;
}

/** Registers this file's beforeAll/afterAll and returns the helpers bound to its browser and server. */
export function siteSession(): SiteSession {
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    if (!ready) return;
    preview = await startPreview();
    browser = await launchChromium(executable as string);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  const session: SiteSession = {
    browser: () => browser as Browser,
    origin: () => (preview as Preview).origin,
    offsite,
    pageErrors,
    async open(path, context, options) {
      // Service workers only where asked: elsewhere each context would precache the whole site meanwhile.
      const ctx =
        context ??
        (await (browser as Browser).newContext({
          viewport: { width: 1280, height: 900 },
          serviceWorkers: "block",
          ...options,
        }));
      const page = await ctx.newPage();
      watchPage(page, (preview as Preview).origin, offsite, pageErrors);
      await page.goto(`${(preview as Preview).origin}${path}`);
      return page;
    },
    async openLiveEditor() {
      const { source, scope, path } = editableClaim();
      const p = await session.open(path);
      await p.locator(`${scope} [data-action=edit]`).click();
      await p.locator(`${scope} .spec-live[data-ready=true]`).waitFor({ timeout: 60_000 });
      return { p, scope, source };
    },
    async runOriginalAndClose(p, scope, source) {
      await replaceEditorText(p, scope, source);
      await p.locator(`${scope} [data-action=run]`).click();
      await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      await p.context().close();
    },
  };
  return session;
}

/** The page of a claim (for tests that pick one by what it predicts). */
export const claimPath = (claim: Claim): string => pageHref(pageOf(claim) as PageId, "en");
