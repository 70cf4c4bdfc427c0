// The site built for a sub-path, as GitHub Pages publishes a project (issue 19): PYMEM_SITE_URL and
// PYMEM_BASE given to the build, the result served only under the base. Every internal link and asset of
// every page is found under the base, canonical and og:url name the configured site, the service worker
// controls the base path, and search, its results and a witness on Pyodide work there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS, type Claim } from "@pymem/scenarios";
import { requireOrSkip } from "@pymem/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageHref, pageOf } from "../../src/lib/sections.js";
import { chromiumPath, launchChromium, type Preview, searchFor, startPreview, watchPage } from "./harness.js";
import { buildIsolated, type IsolatedBuild } from "./isolated-build.js";
import { HEAVY_TEST_MS, RESULT_MS, ready, why } from "./site-session.js";

const SITE = "https://pymem.example.org";
const BASE = "/pymem/";

let build: IsolatedBuild | undefined;
let server: Preview | undefined;
beforeAll(async () => {
  if (!ready) return;
  build = await buildIsolated({ PYMEM_SITE_URL: SITE, PYMEM_BASE: BASE });
  server = await startPreview({ root: build.dist, base: BASE });
}, 600_000);
afterAll(async () => {
  await server?.stop();
  build?.remove();
});

/** Same-origin URLs a page refers to: links, scripts, styles, icons, module imports, images. */
function referencesOf(html: string, page: URL): URL[] {
  const found = [
    ...html.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g),
    ...html.matchAll(/\bimport\(?\s*"([^"]+)"/g),
  ].map((m) => new URL((m[1] as string).replaceAll("&amp;", "&"), page));
  return found.filter((u) => u.origin === page.origin);
}

describe(`the site built for ${SITE}${BASE}`, () => {
  it(
    "finds every internal link and asset under the base, with canonical URLs on the configured site",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const origin = (server as Preview).origin;
      const seen = new Set<string>();
      const queue = [`${origin}${BASE}`, `${origin}${BASE}zh-cn/`];
      const broken: string[] = [];
      let pages = 0;
      while (queue.length > 0) {
        const url = queue.shift() as string;
        if (seen.has(url)) continue;
        seen.add(url);
        const response = await fetch(url);
        if (!response.ok || !new URL(url).pathname.startsWith(BASE)) {
          broken.push(`${url} (${response.status})`);
          continue;
        }
        if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
        pages++;
        const html = await response.text();
        // A link may leave off a folder's last "/" (the server, like GitHub Pages, finds the folder).
        const path = new URL(url).pathname.replace(/([^/])$/, "$1/");
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
        const ogUrl = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1];
        expect([canonical, ogUrl]).toEqual([`${SITE}${path}`, `${SITE}${path}`]);
        for (const ref of referencesOf(html, new URL(url))) {
          const next = `${ref.origin}${ref.pathname}`;
          if (!seen.has(next)) queue.push(next);
        }
      }
      expect(broken).toEqual([]);
      // Both languages' story pages and the API reference were reached.
      expect(pages).toBeGreaterThan(100);

      // Everything the service worker precaches is there too.
      const sw = readFileSync(join((build as IsolatedBuild).dist, "sw.js"), "utf8");
      const precache = JSON.parse(/^const PRECACHE = (.*);$/m.exec(sw)?.[1] ?? "[]") as string[];
      expect(precache.length).toBeGreaterThan(100);
      const missing: string[] = [];
      for (const rel of precache) {
        const r = await fetch(new URL(rel, `${origin}${BASE}`));
        if (!r.ok) missing.push(rel);
      }
      expect(missing).toEqual([]);
    },
    HEAVY_TEST_MS,
  );

  it(
    "runs under the base in Chromium: service worker scope, search, a witness on Pyodide",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const origin = (server as Preview).origin;
      const browser = await launchChromium(chromiumPath() as string);
      const offsite: string[] = [];
      const errors: string[] = [];
      try {
        const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        watchPage(p, origin, offsite, errors);
        const failed: string[] = [];
        p.on("response", (r) => {
          if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`);
        });
        await p.goto(`${origin}${BASE}memory-pools/`);
        const scope = await p.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
        expect(scope).toBe(`${origin}${BASE}`);

        await searchFor(p, "arena");
        const first = p.locator("#starlight__search .pagefind-ui__result-link").first();
        await first.waitFor({ timeout: RESULT_MS });
        const href = (await first.getAttribute("href")) ?? "";
        expect(href.startsWith(BASE)).toBe(true);
        expect((await fetch(new URL(href, origin))).ok).toBe(true);
        await p.keyboard.press("Escape");

        // A witness the model predicts on Pyodide (as in site.test.ts), from the Pyodide under the base.
        const claim = CLAIMS.find((c) => c.predictWitness && !c.tags.includes("needs-pymalloc")) as Claim;
        await p.goto(`${origin}${BASE}${pageHref(pageOf(claim), "en").slice(1)}`);
        const witness = p.locator(`pymem-witness[data-claim="${claim.id}"]`);
        await witness.locator("select").selectOption("3.12");
        await witness.locator("[data-action=run-witness]").click();
        await witness.locator(".pyodide-result[data-state=match]").waitFor({ timeout: 90_000 });
        expect(await witness.locator(".pyodide-result").textContent()).toContain("Python 3.12");
        expect(failed).toEqual([]);
        expect(offsite).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    HEAVY_TEST_MS,
  );
});
