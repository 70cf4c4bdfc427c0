// Runs the editor's text in a fresh sandbox (runner-client.ts) and shows the outcome; the run button is
// disabled meanwhile.
import { runInWorker } from "../runner-client.js";
import type { SpecLayout } from "./render-layout.js";
import { renderOutcome } from "./render-results.js";
import type { SpecSession } from "./session.js";

/** @param warm the claim's own spec, which each sandbox warms up on (never the reader's edit). */
export function specRunner(
  session: SpecSession,
  layout: SpecLayout,
  warm: { path: string; source: string },
): () => Promise<void> {
  const { ui } = session;
  const { status, results, runButton } = layout;
  const context = {
    ui,
    claim: session.claim,
    path: session.path,
    revealLine: (line: number, column: number) => session.editor.revealLine(line, column),
  };
  return async function run(): Promise<void> {
    status.textContent = ui.running;
    results.dataset.state = "running";
    runButton.disabled = true;
    const outcome = await runInWorker(session.path, session.editor.getValue(), warm);
    runButton.disabled = false;
    status.textContent = "";
    renderOutcome(results, outcome, context);
  };
}
