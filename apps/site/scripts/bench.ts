// Site figures (issue 7), measured in Debian's Chromium on the built site served from this machine:
//   - JavaScript loaded before any interaction, per section page (target: at most 60 KB gzip)
//   - page weight per section before interaction (HTML, CSS, JS, fonts; raw and gzip)
//   - edit to result: from pressing Run after an edit to the rendered results (target: p95 at most 100 ms)
//   - Pyodide: from "Run on Pyodide" to the output, first run (loading included; target 3 s) and again
//   - the playground (issue 17): edit to the model's result on every build (target 500 ms; for one
//     version 100 ms), and a step forward to its frame (target 16 ms): scripts/bench-playground.ts
// Writes .reports/site-bench.json and prints a Markdown table. Run: pnpm --filter @pymem/site bench
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { chromiumPath, launchChromium, SITE_DIR, siteBuilt, startPreview } from "../test/browser/harness.ts";
import { ON_ONE_BUILD, playgroundEditToResult, stepFrames } from "./bench-playground.ts";

const PAGES = [
  "",
  "garbage-collection/",
  "reference-counting/",
  "memory-pools/",
  "object-allocators/",
  "verdicts/",
];
const EDIT_RUNS = 30;
/** The pause before each run in the second series of edits (ms). */
const READER_PAUSE_MS = 1500;
/** A reader reading Pyodide's output before running again. */
const PYODIDE_READER_PAUSE_MS = 5000;

const executable = chromiumPath();
if (!executable || !siteBuilt()) {
  console.error(
    "site bench: needs the built site (pnpm turbo run build --filter=@pymem/site) and Debian's chromium",
  );
  process.exit(1);
}

const preview = await startPreview();
const browser = await launchChromium(executable);
const kb = (n: number) => Math.round(n / 102.4) / 10;
const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
};

interface Weight {
  page: string;
  jsRaw: number;
  jsGzip: number;
  totalRaw: number;
  totalGzip: number;
  requests: number;
}

async function weigh(path: string): Promise<Weight> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const bodies: Promise<{ type: string; bytes: number; gzip: number }>[] = [];
  page.on("response", (r) => {
    const type = r.request().resourceType();
    bodies.push(
      r
        .body()
        .then((b) => ({ type, bytes: b.length, gzip: gzipSync(b).length }))
        .catch(() => ({ type, bytes: 0, gzip: 0 })),
    );
  });
  await page.goto(`${preview.origin}/${path}`);
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(bodies);
  await page.close();
  const js = all.filter((b) => b.type === "script");
  const sum = (xs: typeof all, k: "bytes" | "gzip") => xs.reduce((n, b) => n + b[k], 0);
  return {
    page: `/${path}`,
    jsRaw: sum(js, "bytes"),
    jsGzip: sum(js, "gzip"),
    totalRaw: sum(all, "bytes"),
    totalGzip: sum(all, "gzip"),
    requests: all.length,
  };
}

/** Times from pressing Run (after a one-character edit) to the rendered results, in the page's own clock. */
async function editToResult(page: Page, pauseMs = 0): Promise<{ total: number; inWorker: number }[]> {
  const scope = "pymem-spec";
  if ((await page.locator(`${scope} .spec-live`).count()) === 0) {
    await page.locator(`${scope} [data-action=edit]`).first().click();
    await page.locator(`${scope} .spec-live[data-ready=true]`).first().waitFor({ timeout: 120_000 });
  }
  const times: { total: number; inWorker: number }[] = [];
  for (let i = 0; i < EDIT_RUNS; i++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    await page.locator(`${scope} .monaco-editor .view-lines`).first().click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText(i % 2 === 0 ? "\n" : " ");
    times.push(
      await page.evaluate(async () => {
        const host = document.querySelector("pymem-spec") as HTMLElement;
        const results = host.querySelector(".spec-results") as HTMLElement;
        const run = host.querySelector("[data-action=run]") as HTMLButtonElement;
        const started = performance.now();
        run.click();
        await new Promise<void>((resolve) => {
          const watch = new MutationObserver(() => {
            if (results.dataset.state !== "running") {
              watch.disconnect();
              resolve();
            }
          });
          watch.observe(results, { attributes: true, childList: true });
        });
        return { total: performance.now() - started, inWorker: Number(results.dataset.workerMs) };
      }),
    );
  }
  return times;
}

async function pyodideRun(page: Page, key: string): Promise<number> {
  const w = page.locator("pymem-witness").first();
  await w.locator("select").selectOption(key);
  const result = w.locator(".pyodide-result");
  await result.evaluate((e) => {
    delete (e as HTMLElement).dataset.state;
  });
  const started = Date.now();
  await w.locator("[data-action=run-witness]").click();
  await w
    .locator(".pyodide-result:is([data-state=match],[data-state=mismatch],[data-state=no-prediction])")
    .waitFor({
      timeout: 120_000,
    });
  return Date.now() - started;
}

const weights: Weight[] = [];
for (const lang of ["", "zh-cn/"]) for (const p of PAGES) weights.push(await weigh(`${lang}${p}`));

const live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await live.goto(`${preview.origin}/reference-counting/`);
// After the first load the service worker downloads the offline copy of the site (16.8 MB) in the
// background. How long that takes is reported on its own; the edits are timed once it is done, as a
// reader who edits after reading the section would see them.
const offlineReadyMs = await live.evaluate(async () => {
  const started = performance.now();
  await navigator.serviceWorker?.ready;
  return Math.round(performance.now() - started);
});
const edits = await editToResult(live);
// As a reader runs: a pause to read the result and edit before the next run. Every run has a sandbox of
// its own, started as the run before it starts; back to back, a run may wait for it.
const pausedEdits = await editToResult(live, READER_PAUSE_MS);
// Every Pyodide run has a fresh sandbox; the next one starts loading when a run ends. Again at once, a
// run waits for it; after a reader's pause it is ready.
const pyodide: { version: string; firstMs: number; againMs: number; afterPauseMs: number }[] = [];
for (const key of ["3.12", "3.14"]) {
  const firstMs = await pyodideRun(live, key);
  const againMs = await pyodideRun(live, key);
  await live.waitForTimeout(PYODIDE_READER_PAUSE_MS);
  const afterPauseMs = await pyodideRun(live, key);
  pyodide.push({ version: key, firstMs, againMs, afterPauseMs });
}
const playground = await playgroundEditToResult(live, EDIT_RUNS);
const oneBuild = await playgroundEditToResult(live, EDIT_RUNS, ON_ONE_BUILD);
const frames = await stepFrames(live, 60);
await browser.close();
await preview.stop();

/** Percentiles of a series of edits: the whole round trip, and the spec's own time in the worker. */
function editFigures(series: { total: number; inWorker: number }[]) {
  const totals = series.map((e) => e.total);
  const inWorker = series.map((e) => e.inWorker);
  return {
    runs: series.length,
    p50: percentile(totals, 0.5),
    p95: percentile(totals, 0.95),
    max: Math.max(...totals),
    specInWorkerP50: percentile(inWorker, 0.5),
    specInWorkerP95: percentile(inWorker, 0.95),
  };
}

const report = {
  measured: new Date().toISOString(),
  chromium: executable,
  targets: {
    jsBeforeInteractionGzipKB: 60,
    editToResultP95Ms: 100,
    pyodideRunToOutputMs: 3000,
    playgroundAllBuildsP95Ms: 500,
    playgroundOneVersionP95Ms: 100,
    stepFrameMs: 16,
  },
  pages: weights,
  editToResult: editFigures(edits),
  editToResultAfterPause: { pauseMs: READER_PAUSE_MS, ...editFigures(pausedEdits) },
  pyodide,
  /** The article's code on every build the model has: the first run (loading the worker) and the rest. */
  playgroundOneBuild: {
    runs: oneBuild.times.length,
    p50: percentile(oneBuild.times, 0.5),
    p95: percentile(oneBuild.times, 0.95),
  },
  playground: {
    firstMs: Math.round(playground.firstMs),
    runs: playground.times.length,
    p50: percentile(playground.times, 0.5),
    p95: percentile(playground.times, 0.95),
  },
  /** A step forward: its work (handler, style, layout) against the 16 ms of a frame, and the time to its frame. */
  stepFrame: {
    steps: frames.work.length,
    p50: percentile(frames.work, 0.5),
    p95: percentile(frames.work, 0.95),
    max: Math.max(...frames.work),
    toFrameP50: percentile(frames.toFrame, 0.5),
    toFrameP95: percentile(frames.toFrame, 0.95),
  },
  /** From the first page load to the offline copy being complete (the service worker installed). */
  offlineReadyMs,
};
mkdirSync(join(SITE_DIR, ".reports"), { recursive: true });
writeFileSync(join(SITE_DIR, ".reports", "site-bench.json"), `${JSON.stringify(report, null, 2)}\n`);

const lines = [
  "| page | JS before interaction (gzip KB) | JS raw KB | page weight gzip KB | raw KB | requests |",
  "| --- | --- | --- | --- | --- | --- |",
  ...weights.map(
    (w) =>
      `| ${w.page} | ${kb(w.jsGzip)} | ${kb(w.jsRaw)} | ${kb(w.totalGzip)} | ${kb(w.totalRaw)} | ${w.requests} |`,
  ),
  "",
  `offline copy complete ${offlineReadyMs} ms after the first load (service worker installed; edits are timed after it)`,
  `edit → result (${edits.length} runs): p50 ${report.editToResult.p50.toFixed(1)} ms, p95 ${report.editToResult.p95.toFixed(1)} ms, max ${report.editToResult.max.toFixed(1)} ms (target p95 ≤ 100 ms); of which the spec itself in the worker: p50 ${report.editToResult.specInWorkerP50} ms, p95 ${report.editToResult.specInWorkerP95} ms`,
  `edit → result ${READER_PAUSE_MS} ms after the last result (${pausedEdits.length} runs): p50 ${report.editToResultAfterPause.p50.toFixed(1)} ms, p95 ${report.editToResultAfterPause.p95.toFixed(1)} ms; the spec itself in the worker: p50 ${report.editToResultAfterPause.specInWorkerP50} ms`,
  `playground, edit → the model's result on every build (${report.playground.runs} runs, the article's code): p50 ${report.playground.p50.toFixed(1)} ms, p95 ${report.playground.p95.toFixed(1)} ms (target ≤ 500 ms); the first run, loading the model, ${report.playground.firstMs} ms`,
  `playground, edit → the model's result on one build, stepped (${report.playgroundOneBuild.runs} runs, the newest 64-bit build's trace drawn): p50 ${report.playgroundOneBuild.p50.toFixed(1)} ms, p95 ${report.playgroundOneBuild.p95.toFixed(1)} ms (target ≤ 100 ms)`,
  `playground, a step forward (${report.stepFrame.steps} steps): its work (handler, style, layout) p50 ${report.stepFrame.p50.toFixed(1)} ms, p95 ${report.stepFrame.p95.toFixed(1)} ms, max ${report.stepFrame.max.toFixed(1)} ms (target ≤ 16 ms a frame); to the end of its frame p50 ${report.stepFrame.toFrameP50.toFixed(1)} ms, p95 ${report.stepFrame.toFrameP95.toFixed(1)} ms`,
  ...pyodide.map(
    (p) =>
      `Pyodide ${p.version}: run → output ${p.firstMs} ms the first time (loading included), ${p.againMs} ms again at once, ${p.afterPauseMs} ms again after ${PYODIDE_READER_PAUSE_MS / 1000} s (target ≤ 3000 ms)`,
  ),
];
console.log(lines.join("\n"));
