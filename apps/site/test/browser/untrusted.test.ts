// The reader's code stays in its box (docs/untrusted-code.md), shown in Chromium: a spec from a
// stranger's link cannot put markup into the page, cannot reach the site's storage or the network,
// cannot keep itself running or take the tab down, and leaves nothing behind for the next run; links
// that are bombs or damaged say so; a shared link never overwrites the reader's own saved edit.
import { deflateRawSync } from "node:zlib";
import { requireOrSkip } from "@pymem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  SPEC_MESSAGE_LIMIT,
  SPEC_OUTPUT_LIMIT_CHARS,
  SPEC_RUN_LIMIT_MS,
  SPEC_STEP_LIMIT_MS,
} from "../../src/lib/limits.js";
import { cachedScripts, replaceEditorText, screenshot, underServiceWorker } from "./harness.js";
import {
  editableClaim,
  HEAVY_TEST_MS,
  RESULT_MS,
  ready,
  siteSession,
  why,
  withTest,
} from "./site-session.js";

const { browser, origin, offsite, pageErrors, open, openLiveEditor, runOriginalAndClose } = siteSession();

/** Opens the editable claim's page with `#edit=<claim>:<payload>`, as a shared link does. */
async function openShared(payload: string, context?: Parameters<typeof open>[1]): Promise<Page> {
  const { claim, path } = editableClaim();
  return open(`${path}#edit=${claim.id}:${payload}`, context);
}

/** A link to the editable claim's spec carrying `text`, made the way the page makes one. */
const sharedPayload = (text: string) => deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

/** Markup that would run script if it ever reached the page as HTML. */
const PAYLOAD = `<img src=x onerror="window.__pwned = 1"><svg onload="window.__pwned = 2">`;

async function pwned(p: Page): Promise<unknown> {
  return p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe("untrusted code in the page", () => {
  it(
    "a shared spec that forges the runner's messages gets no markup into the page",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { source, scope } = editableClaim();
      // The spec replaces postMessage, as any code in the worker can, to rewrite what the runner sends:
      // first markup in every string and a heap picture as SVG text (the old protocol's way in), then
      // a well-formed result whose names are markup. The runner posts with the postMessage it bound
      // before the spec ran, so neither rewrite happens (the page's check of forged messages is
      // test/sandbox-protocol.test.ts); what the spec can still do, markup in its own test names and
      // console output, is shown as text.
      const forge = (mode: string) =>
        withTest(
          source,
          `
const realPost = MessagePort.prototype.postMessage;
const evil = ${JSON.stringify(PAYLOAD)};
const mark = (v: unknown): unknown =>
  typeof v === "string" ? v + evil : Array.isArray(v) ? v.map(mark)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)])) : v;
MessagePort.prototype.postMessage = function (this: MessagePort, m: any) {
  if (m && m.kind === "done") {
    m = ${JSON.stringify(mode)} === "svg"
      ? { ...m, heaps: [{ testPath: ["x"], profile: "3.11", arenas: 1, shown: 1, svg: evil }] }
      : { ...m, result: { ...m.result, tests: m.result.tests.map((t: any) => ({ ...t, path: mark(t.path) })) } };
  }
  return realPost.call(this, m);
};
describe("forger", () => {
  it("prints markup", () => {
    console.log(evil);
  });
  it(evil, () => {});
});`,
        );
      const svgPage = await openShared(sharedPayload(forge("svg")));
      await svgPage.locator(scope).scrollIntoViewIfNeeded();
      await svgPage
        .locator(`${scope} .spec-results:not([data-state=idle]):not([data-state=running])`)
        .waitFor({ timeout: RESULT_MS });
      await svgPage.waitForTimeout(500);
      expect(await pwned(svgPage)).toBeUndefined();
      // The claim's own heap pictures are there, drawn by the page; nothing of the forged one is.
      const shown = `${scope} .spec-results`;
      expect(await svgPage.locator(`${shown} img, ${shown} [onload], ${shown} [onerror]`).count()).toBe(0);
      expect(await svgPage.locator(shown).getAttribute("data-state")).toBe("pass");
      await svgPage.context().close();

      const textPage = await openShared(sharedPayload(forge("text")));
      await textPage.locator(scope).scrollIntoViewIfNeeded();
      await textPage.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      const results = textPage.locator(`${scope} .spec-results`);
      expect(await results.textContent()).toContain(PAYLOAD);
      expect(await textPage.locator(`${scope} .spec-results img`).count()).toBe(0);
      await textPage.waitForTimeout(500);
      expect(await pwned(textPage)).toBeUndefined();
      await textPage.context().close();
    },
    HEAVY_TEST_MS,
  );

  it("the page's policy refuses inline script and event-handler markup that gets into it", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const p = await open("/");
    const ran = await p.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.body.append(script);
      document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__onerror = 1">');
      await new Promise((r) => setTimeout(r, 300));
      return [w.__inline, w.__onerror];
    });
    expect(ran).toEqual([undefined, undefined]);
    await p.context().close();
  });

  it(
    "the reader's code cannot reach the site's caches, storage or network: the offline copy stays intact",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const p = await open("/", context);
        await underServiceWorker(p);
        const before = await cachedScripts(p);
        expect(Object.keys(before).length).toBeGreaterThan(5);

        const { source, scope, path } = editableClaim();
        const attack = withTest(
          source,
          `
describe("escape", () => {
  it("tries the site's storage and the network", async () => {
    const tried: Record<string, string> = { origin: String((globalThis as any).origin) };
    const attempt = async (name: string, f: () => Promise<unknown>) => {
      try { await f(); tried[name] = "reached"; } catch (e) { tried[name] = "refused: " + (e as Error).name; }
    };
    await attempt("caches", async () => {
      const c = await (globalThis as any).caches.open("pymem-poison");
      await c.put("/_astro/poison.js", new Response("window.__pwned = 3"));
    });
    await attempt("indexedDB", () => new Promise((ok, no) => {
      const q = indexedDB.open("pymem-poison");
      q.onsuccess = ok; q.onerror = () => no(q.error);
    }));
    await attempt("fetch", () => fetch("/"));
    await attempt("import", () => import("/_astro/" + "nothing.js"));
    await attempt("websocket", () => new Promise((ok, no) => {
      const ws = new WebSocket("ws://127.0.0.1:9/");
      ws.onopen = ok; ws.onerror = () => no(new Error("blocked"));
    }));
    console.log(JSON.stringify(tried));
  });
});`,
        );
        await p.goto(`${origin()}${path}`);
        await p.locator(`${scope} [data-action=edit]`).click();
        await p.locator(`${scope} .spec-live[data-ready=true]`).waitFor({ timeout: 60_000 });
        await replaceEditorText(p, scope, attack);
        await p.locator(`${scope} [data-action=run]`).click();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        const tried = JSON.parse((await p.locator(`${scope} .spec-console`).textContent()) ?? "{}") as Record<
          string,
          string
        >;
        expect(tried.origin).toBe("null");
        for (const what of ["caches", "indexedDB", "fetch", "import", "websocket"])
          expect(tried[what], what).toMatch(/^refused/);
        expect(await cachedScripts(p)).toEqual(before);
        await p.reload();
        expect(await pwned(p)).toBeUndefined();
      } finally {
        await context.close();
      }
    },
    HEAVY_TEST_MS,
  );

  it(
    `stops a spec whose tests flood the page with "test started" messages, and one of short tests that never ends`,
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { p, scope, source } = await openLiveEditor();
      // The spec cannot post on the runner's port (see the next test), but it can declare as many tests
      // as it likes, and a test can declare more as it runs: each one the runner starts is a message.
      const flood = withTest(
        source,
        `
describe("flood", () => {
  for (let k = 0; k < ${2 * SPEC_MESSAGE_LIMIT}; k++) it(\`empty \${k}\`, () => {});
});`,
      );
      await replaceEditorText(p, scope, flood);
      await p.locator(`${scope} [data-action=run]`).click();
      await p
        .locator(`${scope} .spec-results[data-state=stopped][data-reason=messages]`)
        .waitFor({ timeout: RESULT_MS });
      expect(await p.locator(`${scope} .spec-stopped`).textContent()).toContain(
        SPEC_MESSAGE_LIMIT.toLocaleString("en"),
      );

      const endless = withTest(
        source,
        `
describe("endless", () => {
  const next = (k: number) => it(\`short \${k}\`, () => {
    const until = Date.now() + 1500;
    while (Date.now() < until) {}
    next(k + 1);
  });
  next(0);
});`,
      );
      await replaceEditorText(p, scope, endless);
      const started = Date.now();
      await p.locator(`${scope} [data-action=run]`).click();
      await expect(p.evaluate(() => 6 * 7)).resolves.toBe(42);
      await p
        .locator(`${scope} .spec-results[data-state=stopped][data-reason=run]`)
        .waitFor({ timeout: SPEC_RUN_LIMIT_MS + RESULT_MS });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(SPEC_RUN_LIMIT_MS - 100);
      expect(elapsed).toBeLessThan(SPEC_RUN_LIMIT_MS + 15_000);
      await runOriginalAndClose(p, scope, source);
    },
    HEAVY_TEST_MS,
  );

  it(
    `stops a spec that says "a test started" every 250 ms while it allocates within 2–3 s, not 20 s`,
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { p, scope, source } = await openLiveEditor();
      // The attack of issue 21 (item 3) on the per-test clock: the spec looks for the runner's port by
      // wrapping postMessage, then keeps allocating (about 400 MB held, more churned) and saying that a
      // new test started, four times a second, inside one test that never ends.
      // Alone, without the claim's own tests, so that the run is the attack.
      const forger = `import { describe, it } from "vitest";
const realPost = MessagePort.prototype.postMessage;
let port: MessagePort | undefined;
MessagePort.prototype.postMessage = function (this: MessagePort, m: unknown) {
  port = this;
  return realPost.call(this, m);
};
describe("clock forger", () => {
  it("takes the port", () => {});
  it("allocates and restarts the clock", () => {
    const keep: number[][] = [];
    for (let k = 0; ; k++) {
      const until = Date.now() + 250;
      while (Date.now() < until) {
        keep.push(new Array(250_000).fill(k));
        if (keep.length > 200) keep.shift();
      }
      if (port) realPost.call(port, { kind: "test-started", path: ["clock forger", \`again \${k}\`] });
    }
  });
});
`;
      await replaceEditorText(p, scope, forger);
      const results = p.locator(`${scope} .spec-results`);
      const clicked = Date.now();
      await p.locator(`${scope} [data-action=run]`).click();
      await p
        .locator(`${scope} .spec-results[data-state=stopped]`)
        .waitFor({ timeout: SPEC_RUN_LIMIT_MS + RESULT_MS });
      const sinceClick = Date.now() - clicked;
      // The page's own clock, from the run's start (its sandbox ready) to the stop: on a loaded machine
      // the wait for the sandbox, before the run, can take seconds of its own.
      const stoppedMs = Number(await results.getAttribute("data-stopped-ms"));
      console.log(`clock forger: stopped after ${stoppedMs} ms of run (${sinceClick} ms after Run)`);
      expect(await results.getAttribute("data-reason")).toBe("step");
      expect(stoppedMs).toBeGreaterThanOrEqual(SPEC_STEP_LIMIT_MS);
      expect(stoppedMs).toBeLessThan(SPEC_STEP_LIMIT_MS + 1000);
      expect(sinceClick).toBeLessThan(SPEC_RUN_LIMIT_MS);
      expect(await p.locator(`${scope} .spec-stopped-step`).textContent()).toContain(
        "clock forger › allocates and restarts the clock",
      );
      await expect(p.evaluate(() => 6 * 7)).resolves.toBe(42);
      await runOriginalAndClose(p, scope, source);
    },
    HEAVY_TEST_MS,
  );

  it(
    "cuts the text a run puts into the page (5,000 failures of 10 KB each), and the page keeps answering",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { p, scope, source } = await openLiveEditor();
      const flood = `import { describe, it } from "vitest";
describe("text flood", () => {
  for (let k = 0; k < 5000; k++)
    it(\`fails loudly \${k}\`, () => {
      throw new Error("x".repeat(10_000));
    });
});
`;
      await replaceEditorText(p, scope, flood);
      const results = p.locator(`${scope} .spec-results`);
      // Every task longer than 50 ms on the page's main thread from now on (the Long Tasks API).
      await p.evaluate(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: "longtask" });
      });
      const clicked = Date.now();
      await p.locator(`${scope} [data-action=run]`).click();
      // The page must answer all along: the slowest round trip to its main thread while the run lasts.
      let slowest = 0;
      let state: string | null = "running";
      while (Date.now() - clicked < 60_000) {
        const asked = Date.now();
        state = await results.evaluate((e) => e.getAttribute("data-state"));
        slowest = Math.max(slowest, Date.now() - asked);
        if (state !== "running" && state !== "idle") break;
        await p.waitForTimeout(100);
      }
      const sinceClick = Date.now() - clicked;
      const longest = await p.evaluate(() => (window as unknown as { __longest: number }).__longest);
      const shown = await results.evaluate((e) => e.textContent?.length ?? 0);
      console.log(
        `text flood: ${state} ${sinceClick} ms after Run; slowest round trip ${slowest} ms, longest task ${Math.round(longest)} ms; ${shown} characters shown`,
      );
      expect(state).toBe("fail");
      expect(await results.getAttribute("data-cut")).toBe("true");
      expect(await p.locator(`${scope} .spec-cut`).textContent()).toContain(
        SPEC_OUTPUT_LIMIT_CHARS.toLocaleString("en"),
      );
      expect(shown).toBeLessThan(SPEC_OUTPUT_LIMIT_CHARS);
      // The summary still counts every test.
      expect(await p.locator(`${scope} .spec-summary`).textContent()).toContain("5000 failed");
      // The page's own measure: no task on its main thread took 2.5 s, a flood stuck in one task would
      // take the whole run (9 s here). Tasks are timed by the wall clock, which a loaded machine
      // stretches: two fresh-clone CI runs of one commit measured 189 and 209 ms, and one beside other
      // CPU work on the same 2 cores 1500 ms. A round trip from the test also crosses the browser's
      // and this process's queues: 1240, 3295 and 3337 ms in those runs.
      expect(longest).toBeLessThan(2500);
      expect(slowest).toBeLessThan(5000);
      await expect(p.evaluate(() => 6 * 7)).resolves.toBe(42);
      await runOriginalAndClose(p, scope, source);
    },
    HEAVY_TEST_MS,
  );

  it(
    "stops a fast memory bomb (80 MB a step) before the tab dies, twice, and keeps working",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { p, scope, source } = await openLiveEditor();
      let crashed = false;
      p.on("crash", () => {
        crashed = true;
      });
      const bomb = withTest(
        source,
        `
describe("fast bomb", () => {
  it("keeps 80 MB arrays", () => {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(10_000_000).fill(0));
  });
});`,
      );
      await replaceEditorText(p, scope, bomb);
      for (let k = 0; k < 2; k++) {
        await p.locator(`${scope} [data-action=run]`).click();
        await p
          .locator(`${scope} .spec-results[data-state=stopped], ${scope} .spec-results[data-state=crashed]`)
          .first()
          .waitFor({ timeout: RESULT_MS });
        await p.waitForTimeout(2000);
        expect(crashed).toBe(false);
        await expect(p.evaluate(() => 6 * 7)).resolves.toBe(42);
      }
      await runOriginalAndClose(p, scope, source);
    },
    HEAVY_TEST_MS,
  );

  it(
    "gives every run a fresh realm: what one run patches is gone in the next",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { p, scope, source } = await openLiveEditor();
      await replaceEditorText(
        p,
        scope,
        withTest(
          source,
          `
import { Pymalloc as Patched } from "@pymem/core";
describe("leaves marks", () => {
  it("patches the model and the world", () => {
    (globalThis as any).__mark = 1;
    (Object.prototype as any).__polluted = 1;
    Patched.prototype.malloc = () => { throw new Error("patched by an earlier run"); };
  });
});`,
        ),
      );
      await p.locator(`${scope} [data-action=run]`).click();
      await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      await replaceEditorText(
        p,
        scope,
        withTest(
          source,
          `
import { Pymalloc as Fresh, profile as freshProfile } from "@pymem/core";
describe("starts clean", () => {
  it("finds no mark", () => {
    expect((globalThis as any).__mark).toBeUndefined();
    expect(({} as any).__polluted).toBeUndefined();
    expect(new Fresh(freshProfile("3.11")).malloc(24)).toBeGreaterThan(0);
  });
});`,
        ),
      );
      await p.locator(`${scope} [data-action=run]`).click();
      await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
      expect(await p.locator(`${scope} .spec-results`).textContent()).toContain(
        "starts clean › finds no mark",
      );
      await runOriginalAndClose(p, scope, source);
    },
    HEAVY_TEST_MS,
  );

  it(
    "refuses a link that inflates to 100 MB, and says a damaged link is damaged",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { source, scope } = editableClaim();
      const bomb = deflateRawSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 }).toString("base64url");
      const cases: [string, RegExp][] = [
        [bomb, /holds more text than a spec editor opens/],
        ["not*base64", /damaged/],
        [sharedPayload(`${source}\n// a long link `.repeat(4)).slice(0, 60), /damaged/],
      ];
      for (const [payload, notice] of cases) {
        const p = await openShared(payload);
        let crashed = false;
        p.on("crash", () => {
          crashed = true;
        });
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        expect(await p.locator(`${scope} .spec-notice`).textContent()).toMatch(notice);
        expect(crashed).toBe(false);
        await p.context().close();
      }
    },
    HEAVY_TEST_MS,
  );

  it(
    "opening a shared link never overwrites the reader's saved edit unasked, and an edit survives a quick reload",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const { source, scope, path } = editableClaim();
      const context = await browser().newContext({
        viewport: { width: 1280, height: 900 },
        serviceWorkers: "block",
      });
      try {
        const mine = withTest(source, `describe("mine", () => { it("is my edit", () => {}); });`);
        const theirs = withTest(
          source,
          `describe("theirs", () => { it("is a stranger's edit", () => {}); });`,
        );
        const p = await open(path, context);
        await p.locator(`${scope} [data-action=edit]`).click();
        await p.locator(`${scope} .spec-live[data-ready=true]`).waitFor({ timeout: 60_000 });
        await replaceEditorText(p, scope, mine);
        // Reloaded 50 ms after typing: the edit is saved as the page goes (pagehide), not only by a timer.
        await p.waitForTimeout(50);
        await p.reload();
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        expect(await p.locator(`${scope} .spec-results`).textContent()).toContain("mine › is my edit");

        // A stranger's link, edited here: the reader's own edit is kept.
        await p.goto(`${origin()}${path}#edit=${editableClaim().claim.id}:${sharedPayload(theirs)}`);
        await p.reload(); // a hash change alone does not reload the page
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        expect(await p.locator(`${scope} .spec-notice`).textContent()).toContain(
          "Your own saved edit is kept",
        );
        await p.locator(`${scope} .spec-live[data-ready=true]`).waitFor({ timeout: 60_000 });
        await replaceEditorText(p, scope, `${theirs}// typed over the shared link\n`);
        await p.waitForTimeout(600);
        await p.goto(`${origin()}${path}`);
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        expect(await p.locator(`${scope} .spec-results`).textContent()).toContain("mine › is my edit");

        // Asked to, the shared version replaces it.
        await p.goto(`${origin()}${path}#edit=${editableClaim().claim.id}:${sharedPayload(theirs)}`);
        await p.reload();
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} [data-action=keep-shared]`).click();
        await p.goto(`${origin()}${path}`);
        await p.locator(scope).scrollIntoViewIfNeeded();
        await p.locator(`${scope} .spec-results[data-state=pass]`).waitFor({ timeout: RESULT_MS });
        expect(await p.locator(`${scope} .spec-results`).textContent()).toContain(
          "theirs › is a stranger's edit",
        );
        await screenshot(p, "shared-kept");
      } finally {
        await context.close();
      }
    },
    HEAVY_TEST_MS,
  );

  it("made no request outside the site's origin and raised no page error", (ctx) => {
    requireOrSkip(ctx, ready, why);
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
