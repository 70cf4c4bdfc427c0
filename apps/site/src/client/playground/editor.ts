// The playground's editor and what it keeps: the program (the original, the reader's edit, a shared
// link's), saved in localStorage as the reader types unless a shared link's text guards theirs. A
// textarea first (it works on phones and needs no download); on a desktop, Monaco (Python) once the
// reader has run the program, as the spec editor does.
import { type EditorHandle, textareaEditor } from "../editor-handle.js";
import { readStoredEdit, storeEdit } from "../edits.js";
import { isTouchScreen } from "../spec-editor/touch.js";
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
  /** Watches an editor for the reader's typing, to save it (autosave). */
  watch?: (editor: EditorHandle) => void;
  /** Monaco is loading, or has replaced the textarea. */
  upgraded?: boolean;
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

/**
 * Keeps the reader's edit in localStorage (edits.ts); the witness itself is stored as no edit at all.
 * Returns what watches an editor (the textarea, then Monaco) for typing.
 */
function autosave(state: State): (editor: EditorHandle) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;
  const save = () => {
    clearTimeout(timer);
    unsaved = false;
    const text = state.editor?.getValue();
    if (text === undefined) return;
    storeEdit(state.claim, text === state.original ? undefined : text, "python");
  };
  const flush = () => {
    if (unsaved) save();
  };
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  return (editor) =>
    editor.onChange(() => {
      if (state.guardingStored) return;
      unsaved = true;
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
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
  // the editor's own box: notices go above it, in the slot
  const editorHost = document.createElement("div");
  editorHost.className = "playground-editor-host";
  slot.replaceChildren(editorHost);
  slot.dataset.editor = "textarea";
  state.editor = textareaEditor(editorHost, opening ?? stored ?? state.original, ui.editorLabel, {
    run,
    leave: () => runButton?.focus(),
  });
  if (opening === undefined && stored !== undefined) showNotice(slot, ui.restored);
  state.watch = autosave(state);
  state.watch(state.editor);
  for (const action of ["reset", "share"]) {
    const b = host.querySelector<HTMLButtonElement>(`[data-action=${action}]`);
    if (b) b.hidden = false;
  }
  const edit = host.querySelector<HTMLButtonElement>("[data-action=edit]");
  if (edit) edit.hidden = true;
  return state.editor;
}

/**
 * On a desktop, Monaco (Python) takes the textarea's place, with what the reader typed meanwhile; on a
 * touch screen, or if Monaco does not load, the textarea stays. The slot's data-editor says which.
 */
export async function upgradeEditor(
  host: HTMLElement,
  state: State,
  ui: PlaygroundUi,
  run: () => void,
): Promise<void> {
  const slot = host.querySelector<HTMLElement>(".playground-editor");
  const editorHost = slot?.querySelector<HTMLElement>(".playground-editor-host");
  const textarea = state.editor;
  if (!slot || !editorHost || !textarea || state.upgraded || isTouchScreen()) return;
  state.upgraded = true;
  slot.dataset.editor = "loading";
  const runButton = host.querySelector<HTMLButtonElement>("[data-action=run-model]");
  try {
    const { monacoEditor } = await import("../monaco.js");
    let hadFocus = false;
    const next = await monacoEditor(
      editorHost,
      `playground/${state.claim}.py`,
      () => {
        hadFocus = editorHost.contains(document.activeElement);
        return textarea.getValue();
      },
      ui.editorLabel,
      { run, leave: () => runButton?.focus() },
      "python",
    );
    textarea.dispose();
    state.editor = next;
    state.watch?.(next);
    if (hadFocus) next.focus();
    slot.dataset.editor = "monaco";
  } catch (e) {
    // the textarea stays: everything works without Monaco
    console.warn("pymem: Monaco did not load", e);
    slot.dataset.editor = "textarea";
  }
}
