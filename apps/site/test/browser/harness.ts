// What the browser tests share: the built site served on a free local port, and
// Debian's Chromium driven by playwright-core (no browser download: the system's Chromium is used).
import { existsSync, mkdirSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const SITE_DIR = join(import.meta.dirname, "..", "..");
/** Screenshots are kept as test artefacts (a turbo output of the test task). */
export const SCREENSHOT_DIR = join(SITE_DIR, ".reports", "screenshots");

/** Debian's Chromium, or the one PYMEM_CHROMIUM names. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.PYMEM_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
}

export const siteBuilt = () => existsSync(join(SITE_DIR, "dist", "index.html"));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".xml": "application/xml",
  ".zip": "application/zip",
};

export interface Preview {
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Serves dist/ (or `root`) on a free local port, under `base` ("/pymem/": nothing outside it is found).
 * A plain static server rather than `astro preview`: Astro allows one preview per project, and a reader
 * may have `npm start` running while the tests run.
 */
export async function startPreview({ root = join(SITE_DIR, "dist"), base = "/" } = {}): Promise<Preview> {
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, url.slice(base.length - 1)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!url.startsWith(base)) throw new Error("outside the base path");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res
        .writeHead(404, { "Content-Type": "text/html" })
        .end(await readFile(join(root, "404.html")).catch(() => ""));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Records every request a page makes that leaves `origin`, and every uncaught page error. */
export function watchPage(page: Page, origin: string, offsite: string[], errors: string[]): void {
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"))
      offsite.push(url);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** Replaces the whole text of the open spec editor, Monaco or textarea, as a reader would. */
export async function replaceEditorText(page: Page, scope: string, text: string): Promise<void> {
  const monaco = page.locator(`${scope} .monaco-editor textarea`);
  if ((await monaco.count()) > 0) {
    await page.locator(`${scope} .monaco-editor .view-lines`).click();
  } else {
    await page.locator(`${scope} textarea.spec-textarea`).click();
  }
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

/**
 * Opens Starlight's search dialog and types `query`. The button opens the dialog only once the
 * site-search element is defined, which on a busy machine comes after the page's load event.
 */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.waitForFunction(() => customElements.get("site-search") !== undefined);
  await page.locator("site-search button[data-open-modal]").first().click();
  await page.locator("#starlight__search input").fill(query);
}

/** Waits until the site's service worker controls `page` (reloading once if it does not yet). */
export async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
}

/** Every cached script of the site, by URL, with its text: what an escape would try to rewrite. */
export function cachedScripts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys())
        if (r.url.endsWith(".js")) out[r.url] = (await (await cache.match(r))?.text()) ?? "";
    }
    return out;
  });
}
