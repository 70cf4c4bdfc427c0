// The playground under a claim's witness, in Chromium with real clicks and keys: the witness and a
// reader's own Python on the model of every build (the version strip), a program the model refuses
// (said at its line), a runaway stopped with the page alive, the witness and a reader's edit on Pyodide
// in a sandbox, beside the model's prediction (docs/untrusted-code.md), and what that sandbox keeps
// out of reach; on a 320 px phone and a desktop, in English and Chinese.
import { CLAIMS } from "@pymem/scenarios";
import { requireOrSkip } from "@pymem/testkit";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MODEL_BUILD_LIMIT_MS, PYODIDE_RUN_LIMIT_MS } from "../../src/lib/limits.js";
import { type Lang, type PageId, pageHref, pageOf } from "../../src/lib/sections.js";
import { axeViolations } from "./axe.js";
import { cachedScripts, screenshot, underServiceWorker } from "./harness.js";
import { HEAVY_TEST_MS, RESULT_MS, ready, siteSession, why } from "./site-session.js";

const { browser, open, pageErrors } = siteSession();

/** C08: two names on one list, counted in a function; 3.14 passes a local borrowed, so its count is 1 lower. */
const CLAIM = "C08";
const scope = `pymem-witness[data-claim="${CLAIM}"]`;
const claim = CLAIMS.find((c) => c.id === CLAIM);
if (!claim) throw new Error(`no claim ${CLAIM}`);
const pathOf = (lang: Lang) => `${pageHref(pageOf(claim) as PageId, lang)}#${CLAIM.toLowerCase()}`;

async function openPlayground(
  lang: Lang,
  width = 1280,
  serviceWorkers: "allow" | "block" = "block",
): Promise<Page> {
  const phone = width < 768;
  const context = await browser().newContext({
    viewport: { width, height: phone ? 800 : 900 },
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
    serviceWorkers,
  });
  const p = await open(pathOf(lang), context);
  await p.locator(`${scope} [data-action=run-model]`).scrollIntoViewIfNeeded();
  return p;
}

async function runOnModel(p: Page): Promise<string> {
  await p.locator(`${scope} [data-action=run-model]`).click();
  const result = p.locator(`${scope} .model-result`);
  await p
    .locator(
      `${scope} .model-result:is([data-state=done],[data-state=refused],[data-state=stopped],[data-state=crashed])`,
    )
    .waitFor({ timeout: RESULT_MS });
  return (await result.getAttribute("data-state")) ?? "";
}

/** Runs the playground's program on Pyodide `key`; the result's state once it is shown. */
async function runOnPyodide(p: Page, key: string): Promise<string> {
  await p.locator(`${scope} select`).selectOption(key);
  // the last run's state stays until this run's code sets its own: forget it, to wait for the new one
  await p.locator(`${scope} .pyodide-result`).evaluate((e) => e.removeAttribute("data-state"));
  await p.locator(`${scope} [data-action=run-witness]`).click();
  const states = ["match", "mismatch", "no-prediction", "stopped", "crashed"];
  await p
    .locator(`${scope} .pyodide-result:is(${states.map((s) => `[data-state=${s}]`).join(",")})`)
    .waitFor({ timeout: 90_000 });
  return (await p.locator(`${scope} .pyodide-result`).getAttribute("data-state")) ?? "";
}

const pyodidePrinted = (p: Page) => p.locator(`${scope} .pyodide-printed pre`).textContent();

/** The editor once it has settled: the textarea, or Monaco on a desktop after the first run. */
async function settledEditor(p: Page): Promise<"textarea" | "monaco"> {
  const slot = p.locator(`${scope} .playground-editor:is([data-editor=textarea],[data-editor=monaco])`);
  await slot.waitFor({ timeout: RESULT_MS });
  return (await slot.getAttribute("data-editor")) === "monaco" ? "monaco" : "textarea";
}

/** Where a click puts the cursor in the editor, whichever it is. */
async function editorSurface(p: Page): Promise<Locator> {
  const slot = `${scope} .playground-editor`;
  return (await settledEditor(p)) === "monaco"
    ? p.locator(`${slot} .monaco-editor .view-lines`)
    : p.locator(`${slot} textarea.spec-textarea`);
}

/**
 * Replaces the program, as a reader pasting it would: Monaco indents what is typed after a colon, so
 * its text comes in as a paste (the textarea's is typed).
 */
async function typeProgram(p: Page, text: string): Promise<void> {
  if ((await p.locator(`${scope} .playground-editor-host`).count()) === 0)
    await p.locator(`${scope} [data-action=edit]`).click();
  await (await editorSurface(p)).click();
  await p.keyboard.press("ControlOrMeta+A");
  await p.keyboard.press("Delete");
  if ((await settledEditor(p)) === "textarea") {
    await p.keyboard.insertText(text);
    return;
  }
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await p.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await p.keyboard.press("ControlOrMeta+V");
}

/** A reader's Python that tries what it could reach through Pyodide's bridge to the site at `origin`. */
const escapeAttempt = (origin: string) => `import js, json
tried = {"origin": str(js.origin)}
def attempt(name, f):
    try:
        f()
        tried[name] = "reached"
    except BaseException as e:
        tried[name] = "refused: " + type(e).__name__
attempt("caches", lambda: js.caches.open("pymem-poison"))
attempt("indexedDB", lambda: js.indexedDB.open("pymem-poison"))
attempt("localStorage", lambda: js.localStorage.setItem("pymem-poison", "1"))
attempt("eval", lambda: js.eval("self.__pwned = 1"))
attempt("importScripts", lambda: js.WorkerGlobalScope.prototype.importScripts.call(js.self, "${origin}/_astro/x.js"))
print(json.dumps(tried))
`;

describe("the playground", () => {
  it("runs the witness on every build and shows where the output changes (3.13 / 3.14)", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    if (!claim.predictWitness) throw new Error(`${CLAIM} no longer predicts its witness`);
    const p = await openPlayground("en");
    expect(await runOnModel(p)).toBe("done");
    const groups = p.locator(`${scope} .version-group`);
    expect(await groups.count()).toBeGreaterThanOrEqual(2);
    const labels = await groups.allTextContents();
    // the newest 64-bit build's group is the one shown first
    const pressed = (await p.locator(`${scope} .version-group[aria-pressed=true]`).textContent()) ?? "";
    expect(pressed).toMatch(/3\.15/);
    const older = labels.find((l) => /3\.13/.test(l) && !/3\.14/.test(l));
    expect(older, labels.join(" | ")).toBeDefined();
    await p.locator(`${scope} .version-group`, { hasText: older as string }).click();
    const shown = (await p.locator(`${scope} .model-output`).textContent()) ?? "";
    expect(shown).toContain("in a function:");
    await p.locator(`${scope} .model-result`).scrollIntoViewIfNeeded();
    await screenshot(p, "playground-version-strip");
    await p.context().close();
  });

  it("runs the reader's own program, refuses what the model does not run at its line", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const p = await openPlayground("en");
    await typeProgram(p, "import sys\nx = []\ny = x\nprint(sys.getrefcount(x))\n");
    await p.keyboard.press("ControlOrMeta+Enter");
    await p.locator(`${scope} .model-result[data-state=done]`).waitFor({ timeout: RESULT_MS });
    expect(await p.locator(`${scope} .model-summary`).textContent()).toMatch(/All \d+ builds print the same/);
    expect(await p.locator(`${scope} .model-output pre`).textContent()).toBe("3\n");

    await typeProgram(p, "x = 1\nasync def f():\n    pass\n");
    expect(await runOnModel(p)).toBe("refused");
    expect(await p.locator(`${scope} .model-refused`).first().textContent()).toContain(
      "line 2: 'async def' is not modelled yet",
    );
    // the editor's cursor is put on that line: on a desktop the editor is Monaco (Python) after a run
    expect(await settledEditor(p)).toBe("monaco");
    expect(await p.locator(`${scope} .monaco-editor .active-line-number`).textContent()).toBe("2");
    // and the line is marked with the model's message
    await p.locator(`${scope} .monaco-editor .squiggly-error`).first().waitFor({ timeout: RESULT_MS });
    expect(await p.locator(`${scope} .monaco-editor .mtk1`).count()).toBeGreaterThan(0); // highlighted
    await p.locator(`${scope} .playground-editor`).scrollIntoViewIfNeeded();
    await screenshot(p, "playground-desktop-monaco");

    // a button's action runs once the playground's code has loaded (enhance.ts): wait for its effect
    await p.locator(`${scope} [data-action=reset]`).click();
    await expect
      .poll(() => p.locator(`${scope} .playground-editor .view-lines`).textContent())
      .toContain("C08");
    await p.context().close();
  });

  it(
    "stops a runaway program within the build limit and keeps the page working",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en");
      await typeProgram(p, "n = 0\nwhile True:\n    n = n + 1\n");
      const started = Date.now();
      expect(await runOnModel(p)).toBe("stopped");
      const took = Date.now() - started;
      expect(took).toBeLessThan(MODEL_BUILD_LIMIT_MS + 3000);
      expect(await p.locator(`${scope} .model-result [role=alert]`).textContent()).toContain("endless loop");
      // a new worker runs the next program
      await typeProgram(p, "print('alive')\n");
      expect(await runOnModel(p)).toBe("done");
      expect(await p.locator(`${scope} .model-output pre`).textContent()).toBe("alive\n");
      expect(pageErrors).toEqual([]);
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it(
    "runs the witness, and the reader's edit, on Pyodide beside the model's prediction",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en");
      expect(await runOnPyodide(p, "3.12")).toBe("match");
      const text = (await p.locator(`${scope} .pyodide-result`).textContent()) ?? "";
      expect(text).toContain("Python 3.12.7");
      expect(text).toContain("The output is what the model predicts.");
      await p.locator(`${scope} .pyodide-result`).scrollIntoViewIfNeeded();
      await screenshot(p, "playground-pyodide-agrees");
      // a reader's program: the model runs it as Pyodide 3.12 would, and both print 3
      await typeProgram(
        p,
        "import sys\ndef f():\n    a = [1]\n    b = a\n    return sys.getrefcount(a)\nprint(f())\n",
      );
      expect(await runOnPyodide(p, "3.12")).toBe("match");
      expect(await pyodidePrinted(p)).toBe("3\n");
      expect(await p.locator(`${scope} .pyodide-predicted pre`).textContent()).toBe("3\n");
      await p.locator(`${scope} .pyodide-result`).scrollIntoViewIfNeeded();
      await screenshot(p, "playground-pyodide-agrees-on-an-edit");
      // what the model refuses still runs on Pyodide, and the model's reason is given instead
      await typeProgram(p, "async def f():\n    pass\nprint('ran')\n");
      expect(await runOnPyodide(p, "3.13")).toBe("no-prediction");
      expect(await pyodidePrinted(p)).toBe("ran\n");
      expect(await p.locator(`${scope} .pyodide-verdict`).textContent()).toMatch(/line 1/);
      expect(pageErrors).toEqual([]);
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it(
    "loads every Pyodide build in its sandbox (0.21's data file, 0.29's module runtime) and runs an edit",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en");
      // what the model does not run still runs on Pyodide: each build says which it is
      await typeProgram(p, "import sys\nprint(sys.version.split()[0], sys.platform)\n");
      const keys = await p
        .locator(`${scope} select option`)
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(keys).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]);
      for (const key of keys) {
        expect(await runOnPyodide(p, key), key).toBe("no-prediction");
        const printed = (await pyodidePrinted(p)) ?? "";
        expect(printed.startsWith(`${key}.`) && printed.endsWith(" emscripten\n"), `${key}: ${printed}`).toBe(
          true,
        );
        expect(await p.locator(`${scope} .pyodide-verdict`).textContent()).toContain("sys.version");
      }
      // and the model predicts a pre-release build's output too (Pyodide 3.15 is 3.15.0rc1)
      await typeProgram(p, "import sys\nx = []\nprint(sys.getrefcount(x), sys.platform)\n");
      expect(await runOnPyodide(p, "3.15")).toBe("match");
      expect(await pyodidePrinted(p)).toBe("2 emscripten\n");
      expect(pageErrors).toEqual([]);
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it(
    "stops an endless loop on Pyodide within the run limit, and the next run works",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en");
      await typeProgram(p, "while True:\n    pass\n");
      await p.locator(`${scope} select`).selectOption("3.11");
      await p.locator(`${scope} [data-action=run-witness]`).click();
      const status = p.locator(`${scope} .pyodide-result p`).first();
      await status.filter({ hasText: "Running…" }).waitFor({ timeout: 90_000 });
      const started = Date.now();
      await p.locator(`${scope} .pyodide-result[data-state=stopped]`).waitFor({ timeout: 30_000 });
      expect(Date.now() - started).toBeLessThan(PYODIDE_RUN_LIMIT_MS + 3000);
      expect(await p.locator(`${scope} .pyodide-result [role=alert]`).textContent()).toContain("Stopped");
      await typeProgram(p, "print('alive')\n");
      expect(await runOnPyodide(p, "3.11")).toBe("match");
      expect(await pyodidePrinted(p)).toBe("alive\n");
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it(
    "keeps a reader's Python on Pyodide from the site's caches and storage: an opaque origin, no eval",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en", 1280, "allow");
      await underServiceWorker(p);
      const before = await cachedScripts(p);
      expect(Object.keys(before).length).toBeGreaterThan(5);
      await typeProgram(p, escapeAttempt(new URL(p.url()).origin));
      await runOnPyodide(p, "3.13");
      const tried = JSON.parse((await pyodidePrinted(p)) ?? "{}") as Record<string, string>;
      expect(tried.origin).toBe("null");
      for (const what of ["caches", "indexedDB", "localStorage", "eval", "importScripts"])
        expect(tried[what], what).toMatch(/^refused/);
      // the scripts cached before are unchanged; the run added only Pyodide's own files, fetched by the page
      const after = await cachedScripts(p);
      for (const [url, text] of Object.entries(before)) expect(after[url], url).toBe(text);
      const added = Object.keys(after).filter((url) => !(url in before));
      for (const url of added) expect(new URL(url).pathname, url).toMatch(/^\/pyodide\/3\.13\/[\w.-]+$/);
      await p.reload();
      expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it("steps through the reader's program, forward and back, with the counts of each step", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const p = await openPlayground("en");
    await typeProgram(p, "import sys\na = [1, 2]\nb = a\nprint(sys.getrefcount(a))\ndel b\nprint('done')\n");
    await p.locator(`${scope} [data-action=step]`).click();
    await p.locator(`${scope} .model-stepper[data-state=done]`).waitFor({ timeout: RESULT_MS });
    const stepper = p.locator(`${scope} .model-stepper`);
    expect(await stepper.getAttribute("data-steps")).toBe("6");
    expect(await stepper.locator(".trace-head").textContent()).toContain("3.15 (64-bit): 6 steps");
    const position = stepper.locator(".trace-position");
    expect(await position.textContent()).toBe("Step 1 of 6, after line 1");
    // keyboard: the slider moves a step per arrow key
    await stepper.locator(".trace-slider").focus();
    await p.keyboard.press("ArrowRight");
    await p.keyboard.press("ArrowRight");
    expect(await position.textContent()).toBe("Step 3 of 6, after line 3");
    expect(await stepper.locator(".stepper-line[data-current]").getAttribute("data-line")).toBe("3");
    expect(await stepper.locator(".trace-graph svg").textContent()).toContain("count 2");
    // pymalloc's arenas and pools after that step, on the same build
    const pools = stepper.locator(".trace-pools");
    await stepper.locator('.trace-pools[data-step="3"] svg').waitFor({ timeout: RESULT_MS });
    expect(await pools.locator("svg title").first().textContent()).toContain("after line 3");
    expect(await pools.locator(".map-pool").count()).toBeGreaterThan(10);
    const atThree = await pools.innerHTML();
    await stepper.locator(".trace-move[aria-label='Step forward']").click();
    expect(await stepper.locator(".trace-printed").textContent()).toBe("3\n");
    await stepper.locator(".trace-move[aria-label='Last step']").click();
    expect(await stepper.locator(".trace-graph svg").textContent()).toContain("count 1");
    await stepper.locator('.trace-pools[data-step="6"] svg').waitFor({ timeout: RESULT_MS });
    // the printed strings and the list freed on the way: some pool's blocks in use differ
    expect(await pools.innerHTML()).not.toBe(atThree);
    expect(await stepper.locator(".trace-printed").textContent()).toBe("3\ndone\n");
    await stepper.locator(".trace-move[aria-label='Step back']").click();
    expect(await position.textContent()).toBe("Step 5 of 6, after line 5");
    await stepper.scrollIntoViewIfNeeded();
    await screenshot(p, "playground-step-through");
    const found = await axeViolations(p);
    expect(found, JSON.stringify(found)).toEqual([]);
    await p.context().close();
  });

  it(
    "records 100,000 steps of a long loop and scrubs to the last with the keyboard",
    async (ctx) => {
      requireOrSkip(ctx, ready, why);
      const p = await openPlayground("en");
      await typeProgram(p, "for i in range(100000):\n    pass\nprint('end')\n");
      await p.locator(`${scope} [data-action=step]`).click();
      await p.locator(`${scope} .model-stepper[data-state=done]`).waitFor({ timeout: RESULT_MS });
      const stepper = p.locator(`${scope} .model-stepper`);
      expect(await stepper.getAttribute("data-steps")).toBe("100000");
      expect(await stepper.locator(".trace-cut").textContent()).toContain("100000");
      await stepper.locator(".trace-slider").focus();
      await p.keyboard.press("End");
      const position = stepper.locator(".trace-position");
      expect(await position.textContent()).toBe("Step 100000 of 100000, after line 2");
      await p.keyboard.press("ArrowLeft");
      expect(await position.textContent()).toBe("Step 99999 of 100000, after line 2");
      expect(await stepper.locator(".trace-graph svg").textContent()).toContain("count");
      expect(pageErrors).toEqual([]);
      await p.context().close();
    },
    HEAVY_TEST_MS,
  );

  it.for([["en"], ["zh-CN"]] as [Lang][])(
    "steps through the garbage-collection page's own program in its playground (%s)",
    { timeout: HEAVY_TEST_MS },
    async ([lang], ctx) => {
      requireOrSkip(ctx, ready, why);
      const own = `pymem-playground[data-claim="steps-gc"]`;
      const context = await browser().newContext({
        viewport: { width: 1280, height: 900 },
        serviceWorkers: "block",
      });
      const p = await open(pageHref("gc", lang), context);
      await p.locator("details.stepper-own > summary").click();
      await p.locator(`${own} [data-action=run-model]`).click();
      await p.locator(`${own} .model-result[data-state=done]`).waitFor({ timeout: RESULT_MS });
      expect(await p.locator(`${own} .model-output pre`).first().textContent()).toBe("2\n");
      await p.locator(`${own} [data-action=step]`).click();
      await p.locator(`${own} .model-stepper[data-state=done]`).waitFor({ timeout: RESULT_MS });
      // import gc; a = []; b = [a]; a.append(b); del a, b; print(gc.collect())
      expect(await p.locator(`${own} .model-stepper`).getAttribute("data-steps")).toBe("6");
      await p.context().close();
    },
  );

  it("keeps the reader's edit for the next visit, and reset forgets it", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const p = await openPlayground("en");
    const mine = "print('mine')\n";
    await typeProgram(p, mine);
    await p.waitForTimeout(600); // saved a quarter second after typing stops
    await p.reload();
    const area = p.locator(`${scope} .playground-editor textarea.spec-textarea`);
    await area.waitFor({ timeout: RESULT_MS }); // opened by itself once the block is in view
    expect(await area.inputValue()).toBe(mine);
    expect(await p.locator(`${scope} .playground-notice`).textContent()).toContain("earlier visit");
    await p.locator(`${scope} [data-action=reset]`).click();
    await expect.poll(() => p.locator(`${scope} .playground-notice`).count()).toBe(0);
    await p.reload();
    await p.locator(`${scope} [data-action=run-model]`).scrollIntoViewIfNeeded();
    await p.waitForTimeout(500);
    expect(await p.locator(`${scope} .playground-editor textarea`).count()).toBe(0);
    await p.context().close();
  });

  it("runs the article's code on the section page: counts of 10 per build, refused before 3.12", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    const article = `pymem-playground[data-claim="article-2"]`;
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: "block",
    });
    const p = await open(pageHref("refcount", "en"), context);
    await p.locator(`${article} [data-action=run-model]`).click();
    await p.locator(`${article} .model-result[data-state=refused]`).waitFor({ timeout: RESULT_MS });
    const labels = await p.locator(`${article} .version-group`).allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    // the newest 64-bit build's group is shown first: it runs to the end
    expect(await p.locator(`${article} .model-output pre`).first().textContent()).toMatch(
      /^3221225472\n3\n2\n2\n.+\nover\n$/s,
    );
    await p.locator(`${article} .version-group`, { hasText: "3.11" }).click();
    expect(await p.locator(`${article} .model-refused`).textContent()).toContain("not modelled yet");
    await p.locator(`${article} .model-result`).scrollIntoViewIfNeeded();
    await screenshot(p, "playground-article-code");
    await p.context().close();
  });

  it("opens a shared link's Python without saving over the reader's own, until kept", async (ctx) => {
    requireOrSkip(ctx, ready, why);
    // a stranger shares a program
    const stranger = await openPlayground("en");
    await typeProgram(stranger, "print('shared')\n");
    await stranger.locator(`${scope} [data-action=share]`).click();
    await stranger.locator(`${scope} .playground-status`).filter({ hasText: /\S/ }).waitFor();
    const link = new URL(stranger.url());
    expect(link.hash).toMatch(/^#python=C08:[A-Za-z0-9_-]+$/);
    await stranger.context().close();

    // the reader has an edit of their own, then opens the link
    const p = await openPlayground("en");
    await typeProgram(p, "print('mine')\n");
    await p.waitForTimeout(600);
    const origin = new URL(p.url()).origin;
    // as a new tab would load it: a change of hash alone does not load the page again
    const load = async (path: string) => {
      await p.goto("about:blank");
      await p.goto(`${origin}${path}`);
    };
    await load(`${link.pathname}${link.hash}`);
    const area = p.locator(`${scope} .playground-editor textarea.spec-textarea`);
    await p
      .locator(`${scope} .playground-notice`)
      .filter({ hasText: "shared link" })
      .waitFor({ timeout: RESULT_MS });
    expect(await area.inputValue()).toBe("print('shared')\n");
    // nothing of it runs until the reader asks
    expect(await p.locator(`${scope} .pyodide-result`).textContent()).toBe("");
    expect(await runOnModel(p)).toBe("done");
    expect(await p.locator(`${scope} .model-output pre`).textContent()).toBe("shared\n");
    await (await editorSurface(p)).click();
    await p.keyboard.press("ControlOrMeta+End");
    await p.keyboard.insertText("print('typed')\n");
    await p.waitForTimeout(600);
    // the reader's own edit is still theirs
    await load(pathOf("en"));
    await p.locator(`${scope} [data-action=run-model]`).scrollIntoViewIfNeeded(); // it opens when seen
    await area.waitFor({ timeout: RESULT_MS });
    expect(await area.inputValue()).toBe("print('mine')\n");

    // kept: the shared one becomes theirs
    await load(`${link.pathname}${link.hash}`);
    await p.locator(`${scope} .playground-notice button`).click();
    expect(await p.locator(`${scope} .playground-notice`).textContent()).toContain("Kept");
    expect(new URL(p.url()).hash).toBe("");
    await p.reload();
    await area.waitFor({ timeout: RESULT_MS });
    expect(await area.inputValue()).toBe("print('shared')\n");

    // a damaged link says so and opens nothing of it
    await load(`${link.pathname}#python=C08:@@@`);
    await p
      .locator(`${scope} .playground-notice`)
      .filter({ hasText: "damaged" })
      .waitFor({ timeout: RESULT_MS });
    await p.context().close();
  });

  it.for([
    ["en", 320],
    ["zh-CN", 320],
    ["zh-CN", 1280],
  ] as [Lang, number][])("fits and speaks the page's language (%s, %i px)", async ([lang, width], ctx) => {
    requireOrSkip(ctx, ready, why);
    const p = await openPlayground(lang, width);
    expect(await runOnModel(p)).toBe("done");
    const label = (await p.locator(`${scope} .version-group`).first().textContent()) ?? "";
    expect(label).toMatch(lang === "en" ? /64-bit/ : /64 位/);
    const fit = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(fit).toBeLessThanOrEqual(width);
    // the strip, the output and the editor, as a screen reader and a keyboard meet them
    await p.locator(`${scope} [data-action=edit]`).click();
    const found = await axeViolations(p);
    expect(found, JSON.stringify(found)).toEqual([]);
    await p.locator(`${scope} .model-result`).scrollIntoViewIfNeeded();
    await screenshot(p, `playground-${lang}-${width}`);
    await p.context().close();
  });
});
