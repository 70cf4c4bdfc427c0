// The reader's edit is kept in localStorage (edits.ts): a quarter second after they stop typing, and at
// once when the page is hidden or left. The claim's own spec is stored as no edit at all. While a shared
// edit guards the reader's own (SpecSession.guardingStored), typing saves nothing.
import type { EditorHandle } from "../editor-handle.js";
import { storeEdit } from "../edits.js";
import type { SpecSession } from "./session.js";

const SAVE_DELAY_MS = 250;

export interface Autosave {
  /** Stores this text now, and forgets any pending save. */
  save(text: string): void;
  /** Saves this editor's changes; called for each editor the reader gets. */
  watch(editor: EditorHandle): void;
}

export function startAutosave(session: SpecSession): Autosave {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;
  const save = (text: string) => {
    clearTimeout(saveTimer);
    unsaved = false;
    storeEdit(session.claim, text === session.original ? undefined : text);
  };
  /** Saves a pending edit now: the page is being hidden or left, and a timer may never fire. */
  const flush = () => {
    if (unsaved && !session.guardingStored) save(session.editor.getValue());
  };
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  const watch = (editor: EditorHandle) =>
    editor.onChange(() => {
      if (session.guardingStored) return;
      unsaved = true;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => save(editor.getValue()), SAVE_DELAY_MS);
    });
  return { save, watch };
}
