// The playground's figures for the site bench (issue 17), on the article's code on the reference-counting
// page: from Run on the model after an edit to the version strip drawn (every build the model has), and
// from a step forward to the frame that shows it. Used by scripts/bench.ts.
import type { Page } from "playwright-core";

const SCOPE = `pymem-playground[data-claim="article-2"]`;

/** What a timed run presses, and the element whose data-state says it is drawn. */
const ON_EVERY_BUILD = { button: "run-model", result: ".model-result" } as const;
/** Step through: the model's trace of the program on one build (the newest 64-bit one), drawn. */
export const ON_ONE_BUILD = { button: "step", result: ".model-stepper" } as const;

/**
 * Ms from pressing a run button (after a one-character edit) to the drawn result: by default Run on the
 * model (every build); the first run, which loads the worker, apart.
 */
export async function playgroundEditToResult(
  page: Page,
  runs: number,
  what: { readonly button: string; readonly result: string } = ON_EVERY_BUILD,
): Promise<{ firstMs: number; times: number[] }> {
  if ((await page.locator(`${SCOPE} .playground-editor-host`).count()) === 0)
    await page.locator(`${SCOPE} [data-action=edit]`).click();
  // the textarea, until the first run makes it Monaco on a desktop (client/playground/editor.ts)
  const surface = async () =>
    (await page.locator(`${SCOPE} .playground-editor[data-editor=monaco]`).count()) > 0
      ? page.locator(`${SCOPE} .playground-editor .monaco-editor .view-lines`)
      : page.locator(`${SCOPE} .playground-editor textarea.spec-textarea`);
  const runOnce = async () => {
    await page
      .locator(`${SCOPE} .playground-editor:is([data-editor=textarea],[data-editor=monaco])`)
      .waitFor({ timeout: 60_000 });
    await (await surface()).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("\n");
    return page.evaluate(
      async ({ scope, what }) => {
        const host = document.querySelector(scope) as HTMLElement;
        const result = host.querySelector(what.result) as HTMLElement;
        const run = host.querySelector(`[data-action=${what.button}]`) as HTMLButtonElement;
        delete result.dataset.state;
        const started = performance.now();
        run.click();
        await new Promise<void>((resolve) => {
          const watch = new MutationObserver(() => {
            if (result.dataset.state && result.dataset.state !== "running") {
              watch.disconnect();
              resolve();
            }
          });
          watch.observe(result, { attributes: true });
        });
        return performance.now() - started;
      },
      { scope: SCOPE, what },
    );
  };
  const firstMs = await runOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await runOnce());
  return { firstMs, times };
}

/**
 * Per step forward: the work it puts in a frame (the click's handler, then style and layout, forced at
 * once), and the time to the end of the frame that shows it (which also waits for the display's next
 * frame, up to 16.7 ms at 60 Hz).
 */
export async function stepFrames(page: Page, steps: number): Promise<{ work: number[]; toFrame: number[] }> {
  await page.locator(`${SCOPE} [data-action=step]`).click();
  await page.locator(`${SCOPE} .model-stepper[data-state=done]`).waitFor({ timeout: 60_000 });
  return page.evaluate(
    async ({ scope, steps }) => {
      const host = document.querySelector(scope) as HTMLElement;
      // first, back, forward, last
      const [first, , forward] = [
        ...host.querySelectorAll<HTMLButtonElement>(".trace-move"),
      ] as HTMLButtonElement[];
      const work: number[] = [];
      const toFrame: number[] = [];
      for (let i = 0; i < steps; i++) {
        if (forward.disabled) first.click();
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        const started = performance.now();
        forward.click();
        void host.getBoundingClientRect().height; // style and layout now, not at the frame
        work.push(performance.now() - started);
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        toFrame.push(performance.now() - started);
      }
      return { work, toFrame };
    },
    { scope: SCOPE, steps },
  );
}
