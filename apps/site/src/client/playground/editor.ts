// The playground's editor and what it keeps: the program (the original, the reader's edit, a shared
// link's), saved in localStorage as the reader types unless a shared link's text guards theirs.
import { type EditorHandle, textareaEditor } from "../editor-handle.js";
import { readStoredEdit, storeEdit } from "../edits.js";
import type { PlaygroundUi } from "./ui.js";

export interface State {
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

export const readJson = <T>(root: Element, selector: string): T =>
  JSON.parse(root.querySelector(selector)?.textContent ?? "null") as T;

export function stateOf(host: HTMLElement): State {
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

/** The program the model runs: the reader's edit, or the witness while the editor is closed. */
export function sourceOf(state: State): string {
  return state.editor?.getValue() ?? state.original;
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
export function showNotice(slot: HTMLElement, text: string, button?: HTMLButtonElement): void {
  slot.querySelector(".playground-notice")?.remove();
  const notice = document.createElement("p");
  notice.className = "playground-notice";
  notice.textContent = text;
  if (button) notice.append(" ", button);
  slot.prepend(notice);
}

/**
 * The editor, opened once: with `opening` (a shared link's text), else the reader's own edit, else the
 * original. `run` is what Ctrl+Enter does.
 */
export function openEditor(
  host: HTMLElement,
  state: State,
  ui: PlaygroundUi,
  run: () => void,
  opening?: string,
): EditorHandle {
  if (state.editor) {
    if (opening !== undefined) state.editor.setValue(opening);
    return state.editor;
  }
  const slot = host.querySelector<HTMLElement>(".playground-editor");
  const runButton = host.querySelector<HTMLButtonElement>("[data-action=run-model]");
  if (!slot) throw new Error("the playground has no editor slot");
  slot.hidden = false;
  const stored = readStoredEdit(state.claim, "python");
  state.editor = textareaEditor(slot, opening ?? stored ?? state.original, ui.editorLabel, {
    run,
    leave: () => runButton?.focus(),
  });
  if (opening === undefined && stored !== undefined) showNotice(slot, ui.restored);
  autosave(state.editor, state);
  for (const action of ["reset", "share"]) {
    const b = host.querySelector<HTMLButtonElement>(`[data-action=${action}]`);
    if (b) b.hidden = false;
  }
  const edit = host.querySelector<HTMLButtonElement>("[data-action=edit]");
  if (edit) edit.hidden = true;
  return state.editor;
}
