// The playground under each claim's witness: the reader edits the Python (the witness to start with),
// runs it on the model of every CPython build and sees each distinct output once with the builds that
// print it (the version strip). Pyodide runs the claim's witness as published, beside the model's
// prediction for that build; a reader's edit does not run there until Pyodide runs in a sandbox
// (Python on Pyodide reaches the page's origin through its JavaScript bridge: docs/untrusted-code.md).
// The model interprets the program and never turns it into JavaScript, so an edit may run there.
// Loaded on the first click (client/enhance.ts); the model runs in its own worker (model-runner.ts).
import type { OutputGroup } from "../lib/playground/messages.js";
import type { Lang } from "../lib/sections.js";
import { type EditorHandle, textareaEditor } from "./editor-handle.js";
import { readSharedPython, readStoredEdit, storeEdit } from "./edits.js";
import { type ModelOutcome, onEveryBuild, traced } from "./model-runner.js";
import { decodeEdit, ShareLinkError, shareUrl } from "./share.js";
import { renderShareUrlField } from "./spec-editor/render-toolbar.js";
import { type StepperUi, showTrace } from "./trace-stepper.js";
import { type Prediction, type PyodideBuild, runWitness } from "./witness-runner.js";

/** The playground's words, put in the page by WitnessBlock.astro (lib/i18n.ts). */
export interface PlaygroundUi extends StepperUi {
  readonly tracing: string;
  readonly editorLabel: string;
  readonly modelRunning: string;
  /** "{n} builds, one output" */
  readonly sameOnAll: string;
  /** "{n} builds, {k} different outputs: choose a group to see what it prints" */
  readonly differsOn: string;
  readonly printed: string;
  readonly exception: string;
  readonly refused: string;
  readonly failed: string;
  /** "{done} of {total} builds ran; the next ran over {limit} s and was stopped" */
  readonly stopped: string;
  readonly crashed: string;
  /** Said when the editor opens on the reader's edit from an earlier visit. */
  readonly restored: string;
  /** Said when the editor opens on a shared link's Python, which is not saved until kept. */
  readonly sharedOpened: string;
  readonly keepShared: string;
  readonly sharedKept: string;
  readonly sharedDamaged: string;
  readonly sharedTooLarge: string;
  readonly shareDone: string;
  readonly shareFallback: string;
  /** The claim's own witness has no prediction on this Pyodide build: why. */
  readonly noPrediction: string;
}

/**
 * What a button asks; "restore" opens the editor on the reader's edit from an earlier visit, "shared"
 * on the Python of a shared link (client/enhance.ts asks both when the block comes into view).
 */
export type Action = "edit" | "run-model" | "step" | "reset" | "run-witness" | "share" | "restore" | "shared";

interface State {
  readonly claim: string;
  /** The claim's witness, what the playground opens with. */
  readonly original: string;
  /** The reader's editor, once opened. */
  editor?: EditorHandle;
  /**
   * The editor holds a shared link's Python: typing saves nothing (the reader's own edit, if any, stays
   * as it was) until the reader keeps it.
   */
  guardingStored: boolean;
}

const states = new WeakMap<HTMLElement, State>();

const readJson = <T>(root: Element, selector: string): T =>
  JSON.parse(root.querySelector(selector)?.textContent ?? "null") as T;

function stateOf(host: HTMLElement): State {
  let s = states.get(host);
  if (!s) {
    s = {
      claim: host.dataset.claim ?? "",
      original: readJson<string>(host, "[data-witness-source]"),
      guardingStored: false,
    };
    states.set(host, s);
  }
  return s;
}

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

/** The program the model runs: the reader's edit, or the witness while the editor is closed. */
function sourceOf(state: State): string {
  return state.editor?.getValue() ?? state.original;
}

/** Pyodide runs the witness only: while the editor holds something else, its button says why not. */
function guardPyodide(host: HTMLElement, state: State): void {
  const edited = sourceOf(state) !== state.original;
  const run = host.querySelector<HTMLButtonElement>("[data-action=run-witness]");
  const note = host.querySelector<HTMLElement>(".pyodide-edited");
  if (run) run.disabled = edited;
  if (note) note.hidden = !edited;
}

/** A quarter second after the reader stops typing, and when the page is hidden or left. */
const SAVE_DELAY_MS = 250;

/** Keeps the reader's edit in localStorage (edits.ts); the witness itself is stored as no edit at all. */
function autosave(editor: EditorHandle, state: State): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;
  const save = () => {
    clearTimeout(timer);
    unsaved = false;
    const text = editor.getValue();
    storeEdit(state.claim, text === state.original ? undefined : text, "python");
  };
  editor.onChange(() => {
    if (state.guardingStored) return;
    unsaved = true;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const flush = () => {
    if (unsaved) save();
  };
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

/** A line above the editor saying where its text came from, with an optional button. */
function showNotice(slot: HTMLElement, text: string, button?: HTMLButtonElement): void {
  slot.querySelector(".playground-notice")?.remove();
  const notice = document.createElement("p");
  notice.className = "playground-notice";
  notice.textContent = text;
  if (button) notice.append(" ", button);
  slot.prepend(notice);
}

/** The text the editor opens with: given (a shared link's), else the reader's own, else the original. */
function openEditor(host: HTMLElement, state: State, ui: PlaygroundUi, opening?: string): EditorHandle {
  if (state.editor) {
    if (opening !== undefined) state.editor.setValue(opening);
    return state.editor;
  }
  const slot = host.querySelector<HTMLElement>(".playground-editor");
  const run = host.querySelector<HTMLButtonElement>("[data-action=run-model]");
  if (!slot) throw new Error("the playground has no editor slot");
  slot.hidden = false;
  const stored = readStoredEdit(state.claim, "python");
  state.editor = textareaEditor(slot, opening ?? stored ?? state.original, ui.editorLabel, {
    run: () => void act(host, "run-model"),
    leave: () => run?.focus(),
  });
  if (opening === undefined && stored !== undefined) showNotice(slot, ui.restored);
  autosave(state.editor, state);
  state.editor.onChange(() => guardPyodide(host, state));
  guardPyodide(host, state);
  for (const action of ["reset", "share"]) {
    const b = host.querySelector<HTMLButtonElement>(`[data-action=${action}]`);
    if (b) b.hidden = false;
  }
  const edit = host.querySelector<HTMLButtonElement>("[data-action=edit]");
  if (edit) edit.hidden = true;
  return state.editor;
}

function pre(text: string, className = "pymem-output"): HTMLPreElement {
  const p = document.createElement("pre");
  p.className = className;
  p.textContent = text;
  return p;
}

/** One group's output: what it printed, its traceback, or the model's reason for not running it. */
function groupOutput(group: OutputGroup, ui: PlaygroundUi): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "model-output";
  const label = document.createElement("p");
  label.className = "model-output-label";
  if (group.kind === "ran") {
    label.textContent = `${group.builds} ${ui.printed}:`;
    wrap.append(label, pre(group.text));
    if (group.stderr !== "") {
      const err = document.createElement("p");
      err.className = "model-output-label";
      err.textContent = ui.exception;
      wrap.append(err, pre(group.stderr, "pymem-output model-stderr"));
    }
  } else {
    label.textContent = `${group.builds}:`;
    const why = document.createElement("p");
    why.className = "model-refused";
    why.textContent = `${group.kind === "refused" ? ui.refused : ui.failed} ${group.text}`;
    wrap.append(label, why);
  }
  return wrap;
}

/** The line a refusal names ("line 4: 'async def' is not modelled yet"), if any. */
function refusedLine(groups: readonly OutputGroup[]): number | undefined {
  const refusal = groups.find((g) => g.kind === "refused");
  const m = refusal && /^line (\d+)\b/.exec(refusal.text);
  return m ? Number(m[1]) : undefined;
}

/** The version strip: one button per group of builds that print alike, and the chosen group's output. */
function renderGroups(
  result: HTMLElement,
  groups: readonly OutputGroup[],
  ui: PlaygroundUi,
  newest: string,
): void {
  const builds = groups.reduce((n, g) => n + g.profiles.length, 0);
  const summary = document.createElement("p");
  summary.className = "model-summary";
  summary.textContent =
    groups.length === 1
      ? fill(ui.sameOnAll, { n: builds })
      : fill(ui.differsOn, { n: builds, k: groups.length });
  const strip = document.createElement("ul");
  strip.className = "version-strip";
  const shown = document.createElement("div");
  const buttons = groups.map((g, i) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = `version-group version-${g.kind}`;
    b.textContent = g.builds;
    b.dataset.group = String(i);
    b.dataset.firstProfile = g.profiles[0] ?? "";
    li.append(b);
    strip.append(li);
    return b;
  });
  const choose = (i: number) => {
    for (const [k, b] of buttons.entries()) b.setAttribute("aria-pressed", String(k === i));
    shown.replaceChildren(groupOutput(groups[i] as OutputGroup, ui));
  };
  for (const [i, b] of buttons.entries()) b.addEventListener("click", () => choose(i));
  // The group of the newest 64-bit build first: the version most readers run.
  choose(
    Math.max(
      0,
      groups.findIndex((g) => g.profiles.includes(newest)),
    ),
  );
  result.replaceChildren(summary, ...(groups.length > 1 ? [strip] : []), shown);
}

function renderStop(
  result: HTMLElement,
  outcome: Exclude<ModelOutcome<unknown>, { kind: "done" }>,
  ui: PlaygroundUi,
) {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent =
    outcome.kind === "stopped"
      ? fill(ui.stopped, { done: outcome.builds, total: outcome.total })
      : `${ui.crashed} ${outcome.message}`;
  result.replaceChildren(p);
}

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
  const line = refusedLine(groups);
  if (line !== undefined && state.editor) state.editor.revealLine(line);
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
  showTrace(box, trace, source, ui, lang === "en");
}

/** The model's prediction for the claim's witness on a Pyodide build, made when the site was built. */
function predictOn(build: PyodideBuild, ui: PlaygroundUi): Promise<Prediction> {
  return Promise.resolve(
    build.prediction === null ? { none: ui.noPrediction } : { stdout: build.prediction, ok: true },
  );
}

/** Drops "#python=…" from the address, keeping the page's place in history. */
const dropSharedLink = () => history.replaceState(null, "", location.pathname + location.search);

/** Opens the editor on a shared link's Python, guarding the reader's own edit; a bad link says why. */
async function openShared(host: HTMLElement, state: State, ui: PlaygroundUi): Promise<void> {
  const shared = readSharedPython();
  if (shared?.key !== state.claim) return;
  let text: string | undefined;
  let problem: string | undefined;
  try {
    text = await decodeEdit(shared.encoded);
  } catch (e) {
    if (!(e instanceof ShareLinkError)) throw e;
    problem = e.problem === "too-large" ? ui.sharedTooLarge : ui.sharedDamaged;
  }
  const slot = host.querySelector<HTMLElement>(".playground-editor");
  if (text === undefined) {
    openEditor(host, state, ui);
    if (slot && problem) showNotice(slot, problem);
    return;
  }
  state.guardingStored = true;
  openEditor(host, state, ui, text);
  guardPyodide(host, state);
  const keep = document.createElement("button");
  keep.type = "button";
  keep.className = "pymem-button";
  keep.textContent = ui.keepShared;
  keep.addEventListener("click", () => {
    state.guardingStored = false;
    storeEdit(state.claim, state.editor?.getValue(), "python");
    dropSharedLink();
    if (slot) showNotice(slot, ui.sharedKept);
  });
  if (slot) showNotice(slot, ui.sharedOpened, keep);
}

/** Puts the Python in the address and copies it; without a clipboard, shows the link to copy by hand. */
async function share(host: HTMLElement, state: State, ui: PlaygroundUi): Promise<void> {
  const status = host.querySelector<HTMLElement>(".playground-status");
  const url = await shareUrl(state.claim, sourceOf(state), "python");
  history.replaceState(null, "", url);
  if (!status) return;
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = ui.shareDone;
  } catch {
    const field = renderShareUrlField(url, ui.shareFallback);
    status.replaceChildren(ui.shareFallback, " ", field);
    field.select();
  }
}

export async function act(host: HTMLElement, action: Action): Promise<void> {
  const state = stateOf(host);
  const ui = readJson<PlaygroundUi>(host, "[data-playground-ui]");
  if (action === "shared") {
    await openShared(host, state, ui);
    return;
  }
  if (action === "share") {
    await share(host, state, ui);
    return;
  }
  if (action === "edit" || action === "restore") {
    const editor = openEditor(host, state, ui);
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
    guardPyodide(host, state);
    state.editor?.focus();
    return;
  }
  // Each run's button is disabled while it runs; the model and Pyodide may run at once.
  if (action === "run-model") await runModel(host, state, ui);
  else if (action === "step") await stepThrough(host, state, ui);
  else if (sourceOf(state) === state.original)
    await runWitness(host, state.original, (b) => predictOn(b, ui));
}
