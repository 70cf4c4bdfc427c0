// "Run on Pyodide": runs the playground's program (the claim's witness, or the reader's edit of it) on the
// chosen CPython version, in a sandbox of its own (pyodide-client.ts), and shows its output beside the
// model's prediction for that build, marked as agreeing or differing.
import { isWarm, type PyodideOutcome, runOnPyodide } from "./pyodide-client.js";

export interface PyodideBuild {
  key: string;
  python: string;
  release: string;
  /** The model's prediction for the claim's own witness; null where the model makes none. */
  prediction: string | null;
  /** The files a sandbox is handed to load this build. */
  files: readonly string[];
}

/**
 * What the model says the build prints: its stdout and whether it ends without an uncaught exception;
 * or why it says nothing.
 */
export type Prediction = { readonly stdout: string; readonly ok: boolean } | { readonly none: string };

interface Ui {
  loading: string;
  running: string;
  output: string;
  prediction: string;
  match: string;
  mismatch: string;
  stopped: string;
  crashed: string;
  cut: string;
}

const readJson = <T>(root: Element, selector: string): T =>
  JSON.parse(root.querySelector(selector)?.textContent ?? "null") as T;

function block(label: string, text: string, className: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = className;
  const p = document.createElement("p");
  p.textContent = label;
  const pre = document.createElement("pre");
  pre.className = "pymem-output";
  pre.textContent = text;
  wrap.append(p, pre);
  return wrap;
}

/** Runs `source` on the chosen Pyodide build; `predict` gives the model's word for that build. */
export async function runWitness(
  host: HTMLElement,
  source: string,
  predict: (build: PyodideBuild) => Promise<Prediction>,
): Promise<void> {
  const select = host.querySelector<HTMLSelectElement>("[data-pyodide-version]");
  const button = host.querySelector<HTMLButtonElement>("[data-action=run-witness]");
  const result = host.querySelector<HTMLElement>(".pyodide-result");
  if (!select || !button || !result) return;
  const builds = readJson<PyodideBuild[]>(host, "[data-builds]");
  const ui = readJson<Ui>(host, "[data-ui]");
  const build = builds.find((b) => b.key === select.value);
  if (!build) return;

  button.disabled = true;
  select.disabled = true;
  result.dataset.state = "loading";
  const status = document.createElement("p");
  status.textContent = isWarm(build.key) ? ui.running : ui.loading;
  result.replaceChildren(status);
  const [outcome, prediction]: [PyodideOutcome, Prediction] = await Promise.all([
    runOnPyodide(build, source, () => {
      status.textContent = ui.running;
    }),
    predict(build),
  ]);
  button.disabled = false;
  select.disabled = false;

  if (outcome.kind !== "done") {
    result.dataset.state = outcome.kind;
    status.textContent = outcome.kind === "stopped" ? ui.stopped : `${ui.crashed} ${outcome.message}`;
    status.setAttribute("role", "alert");
    return;
  }
  const printed = outcome.stdout + (outcome.ok ? "" : outcome.stderr);
  // Output and prediction side by side (stacked on narrow screens).
  const compare = document.createElement("div");
  compare.className = "pyodide-compare";
  const runLabel = `${ui.output} (Python ${build.python}, ${Math.round(outcome.runMs)} ms):`;
  compare.append(block(runLabel, printed, "pyodide-printed"));
  const verdict = document.createElement("p");
  verdict.className = "pyodide-verdict";
  if ("none" in prediction) {
    verdict.textContent = prediction.none;
    result.dataset.state = "no-prediction";
  } else {
    compare.append(block(`${ui.prediction}:`, prediction.stdout, "pyodide-predicted"));
    const same = outcome.ok === prediction.ok && outcome.stdout === prediction.stdout;
    verdict.textContent = same ? `✓ ${ui.match}` : `✗ ${ui.mismatch}`;
    result.dataset.state = same ? "match" : "mismatch";
  }
  result.dataset.loadMs = String(Math.round(outcome.loadMs));
  result.replaceChildren(compare, verdict);
  if (outcome.cut) result.append(Object.assign(document.createElement("p"), { textContent: ui.cut }));
}
