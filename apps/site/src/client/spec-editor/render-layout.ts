// The live block that replaces the static spec: toolbar, notice, editor, key hint and results.
import { actionButton, el } from "./dom.js";
import { renderToolbar, type Toolbar } from "./render-toolbar.js";
import { isTouchScreen } from "./touch.js";
import type { SpecUi } from "./ui-text.js";

export interface SpecLayout extends Toolbar {
  /** The whole block; its data-editor and data-ready tell tests which editor loaded, and when. */
  readonly live: HTMLDivElement;
  /** Where the text came from (restored, shared, a refused link); hidden when there is nothing to say. */
  readonly noticeLine: HTMLParagraphElement;
  readonly editorHost: HTMLDivElement;
  /** The results of the last run; data-state says which (idle, running, pass, fail, stopped, ...). */
  readonly results: HTMLDivElement;
}

export function renderSpecLayout(ui: SpecUi, notice: string): SpecLayout {
  const bar = renderToolbar(ui);
  const noticeLine = el("p", { className: "spec-notice", textContent: notice, hidden: notice === "" });
  const hint = el("p", { className: "spec-hint", textContent: isTouchScreen() ? ui.touchHint : ui.keysHint });
  const editorHost = el("div", { className: "spec-editor-host" });
  const results = el("div", { className: "spec-results", dataset: { state: "idle" } });
  results.setAttribute("aria-live", "polite");
  // not-content: Starlight's prose spacing must not reach into Monaco's DOM.
  const live = el(
    "div",
    { className: "spec-live not-content" },
    bar.toolbar,
    noticeLine,
    editorHost,
    hint,
    results,
  );
  return { ...bar, live, noticeLine, editorHost, results };
}

export interface SharedEditChoice {
  readonly openYours: HTMLButtonElement;
  readonly keepShared: HTMLButtonElement;
}

/** Adds to the notice the choice between a shared edit and the reader's own, which it hides. */
export function renderSharedEditChoice(noticeLine: HTMLElement, ui: SpecUi): SharedEditChoice {
  const openYours = actionButton(ui.openYours, "open-yours");
  const keepShared = actionButton(ui.keepShared, "keep-shared");
  noticeLine.append(" ", ui.sharedKeepsYours, " ", openYours, " ", keepShared);
  return { openYours, keepShared };
}
