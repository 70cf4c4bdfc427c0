// axe-core in a page, every rule it runs by default (WCAG A/AA and best practices). Its source goes in
// through the DevTools protocol, so the page's own policy does not keep it out.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly where: string[];
}

/** The violations axe finds in the page, or within `scope` (a selector) when given. */
export async function axeViolations(page: Page, scope?: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (within) => {
    type Result = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<{ violations: Result[] }> } }).axe;
    const r = await axe.run(within ?? document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      where: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  }, scope);
}

/**
 * Waits until Expressive Code's script has made every code block that scrolls focusable: it does so 250 ms
 * after a resize and then when the browser is idle, which under load comes after "networkidle".
 */
export async function codeBlocksSettled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>(".expressive-code pre")].every(
      (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute("tabindex"),
    ),
  );
}

/**
 * Serves the page at `path` in `context` with every script element taken out: the page as it is before
 * any script runs (a context with JavaScript disabled would also stop axe, whose checks wait on timers).
 */
export async function withoutScripts(context: BrowserContext, path: string): Promise<void> {
  await context.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
      await route.fulfill({ response, body: html });
    },
  );
}
