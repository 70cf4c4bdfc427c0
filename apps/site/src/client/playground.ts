// The playground under each claim's witness: the reader edits the Python (the witness to start with),
// runs it on the model of every CPython build and sees each distinct output once with the builds that
// print it (the version strip). Pyodide runs the program too, in a sandbox of its own
// (pyodide-client.ts; Python on Pyodide reaches its worker's JavaScript: docs/untrusted-code.md),
// beside the model's prediction for that build: the one the site was built with for the witness as
// published, the model's run of the reader's edit otherwise. The model interprets the program and never
// turns it into JavaScript.
// Loaded on the first click (client/enhance.ts); the model runs in its own worker (model-runner.ts).
import { fillIn } from "../lib/fill-in.js";
import type { Lang } from "../lib/sections.js";
import { readSharedPython, storeEdit } from "./edits.js";
import { onEveryBuild, onPyodideBuild, poolsAt, traced } from "./model-runner.js";
import { openEditor, readJson, type State, sourceOf, stateOf, upgradeEditor } from "./playground/editor.js";
import { refusedLine, renderGroups, renderStop } from "./playground/render.js";
import { dropSharedLink, openShared, share } from "./playground/share.js";
import type { Action, PlaygroundUi } from "./playground/ui.js";
import { showTrace } from "./trace-stepper.js";
import { type Prediction, type PyodideBuild, runWitness } from "./witness-runner.js";

export type { Action } from "./playground/ui.js";

async function runModel(host: HTMLElement, state: State, ui: PlaygroundUi): Promise<void> {
  const result = host.querySelector<HTMLElement>(".model-result");
  const button = host.querySelector<HTMLButtonElement>("[data-action=run-model]");
  if (!result || !button) return;
  const lang = (host.dataset.lang ?? "en") as Lang;
  button.disabled = true;
  result.dataset.state = "running";
  const status = document.createElement("p");
  status.textContent = ui.modelRunning;
  result.replaceChildren(status);
  const outcome = await onEveryBuild(sourceOf(state), lang);
  button.disabled = false;
  if (outcome.kind !== "done") {
    result.dataset.state = outcome.kind;
    renderStop(result, outcome, ui);
    return;
  }
  const groups = outcome.value;
  result.dataset.state = groups.some((g) => g.kind !== "ran") ? "refused" : "done";
  result.dataset.groups = String(groups.length);
  result.dataset.ms = String(Math.round(outcome.ms));
  renderGroups(result, groups, ui, host.dataset.newest ?? "");
  const refused = refusedLine(groups);
  state.editor?.mark(refused?.line, refused?.text ?? "");
  if (refused) state.editor?.revealLine(refused.line);
}

/** The build to step through: the first of the group the strip shows, else the newest 64-bit one. */
function chosenProfile(host: HTMLElement): string {
  const pressed = host.querySelector<HTMLElement>(".version-group[aria-pressed=true]");
  return pressed?.dataset.firstProfile ?? host.dataset.newest ?? "";
}

async function stepThrough(host: HTMLElement, state: State, ui: PlaygroundUi): Promise<void> {
  const box = host.querySelector<HTMLElement>(".model-stepper");
  const button = host.querySelector<HTMLButtonElement>("[data-action=step]");
  if (!box || !button) return;
  const lang = (host.dataset.lang ?? "en") as Lang;
  const source = sourceOf(state);
  button.disabled = true;
  box.hidden = false;
  box.dataset.state = "running";
  box.replaceChildren(Object.assign(document.createElement("p"), { textContent: ui.tracing }));
  const outcome = await traced(source, chosenProfile(host), lang);
  button.disabled = false;
  if (outcome.kind !== "done") {
    box.dataset.state = outcome.kind;
    renderStop(box, outcome, ui);
    return;
  }
  const trace = outcome.value;
  box.dataset.state = trace.outcome.kind === "ran" ? "done" : "refused";
  box.dataset.steps = String(trace.steps.length);
  if (trace.outcome.kind !== "ran") {
    const why = document.createElement("p");
    why.className = "model-refused";
    why.textContent = `${trace.outcome.kind === "refused" ? ui.refused : ui.failed} ${trace.outcome.text}`;
    box.replaceChildren(why);
    return;
  }
  showTrace(box, trace, source, ui, lang === "en", async (step, text) => {
    const outcome = await poolsAt(source, trace.profile, step, text);
    return outcome.kind === "done" && outcome.value !== "" ? outcome.value : undefined;
  });
}

/**
 * The model's prediction for the program on a Pyodide build: for the witness as published, the one
 * made when the site was built (from the claim's evidence); for anything else, the model's run of it.
 */
async function predictOn(
  build: PyodideBuild,
  source: string,
  state: State,
  ui: PlaygroundUi,
): Promise<Prediction> {
  if (source === state.original)
    return build.prediction === null ? { none: ui.noPrediction } : { stdout: build.prediction, ok: true };
  const outcome = await onPyodideBuild(source, build.python);
  if (outcome.kind === "stopped") return { none: fillIn(ui.stopped, { done: 0, total: 1 }) };
  if (outcome.kind === "crashed") return { none: `${ui.failed} ${outcome.message}` };
  const run = outcome.value;
  if (run.kind === "ran") return { stdout: run.text, ok: run.exitCode === 0 };
  return { none: `${run.kind === "refused" ? ui.refused : ui.failed} ${run.text}` };
}

export async function act(host: HTMLElement, action: Action): Promise<void> {
  const state = stateOf(host);
  const ui = readJson<PlaygroundUi>(host, "[data-playground-ui]");
  const run = () => void act(host, "run-model");
  if (action === "shared") {
    await openShared(host, state, ui, run);
    return;
  }
  if (action === "share") {
    await share(host, state, ui);
    return;
  }
  if (action === "edit" || action === "restore") {
    const editor = openEditor(host, state, ui, run);
    if (action === "edit") editor.focus();
    return;
  }
  if (action === "reset") {
    const wasGuarding = state.guardingStored;
    state.guardingStored = false;
    state.editor?.setValue(state.original);
    // a shared link's Python is left; the reader's own edit goes only when it was in the editor
    if (!wasGuarding) storeEdit(state.claim, undefined, "python");
    if (readSharedPython()) dropSharedLink();
    host.querySelector(".playground-notice")?.remove();
    state.editor?.focus();
    return;
  }
  // Each run's button is disabled while it runs; the model and Pyodide may run at once.
  if (action === "run-model") await runModel(host, state, ui);
  else if (action === "step") await stepThrough(host, state, ui);
  else {
    const source = sourceOf(state);
    await runWitness(host, source, (b) => predictOn(b, source, state, ui));
  }
  // the reader ran it: on a desktop the editor becomes Monaco
  if (state.editor) void upgradeEditor(host, state, ui, run);
}
