// The toolbar above the editor: run, reset and share, and a status line for what is going on.
import { actionButton, el } from "./dom.js";
import type { SpecUi } from "./ui-text.js";

export interface Toolbar {
  readonly toolbar: HTMLDivElement;
  readonly runButton: HTMLButtonElement;
  readonly resetButton: HTMLButtonElement;
  readonly shareButton: HTMLButtonElement;
  /** Announced to screen readers (role=status): running, loading the editor, link copied. */
  readonly status: HTMLSpanElement;
}

export function renderToolbar(ui: SpecUi): Toolbar {
  const runButton = actionButton(ui.run, "run");
  const resetButton = actionButton(ui.reset, "reset");
  const shareButton = actionButton(ui.share, "share");
  const status = el("span", { className: "spec-status", role: "status" });
  const toolbar = el("div", { className: "spec-toolbar" }, runButton, resetButton, shareButton, status);
  return { toolbar, runButton, resetButton, shareButton, status };
}

/** The share link in a field to copy by hand, for when the clipboard cannot be written. */
export function renderShareUrlField(url: string, label: string): HTMLInputElement {
  const field = el("input", { type: "text", readOnly: true, value: url, className: "spec-share-url" });
  field.setAttribute("aria-label", label);
  return field;
}
