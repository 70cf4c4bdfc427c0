// Monaco on devices with a precise pointer, loaded after the first run; touch devices keep the textarea
// (Monaco does not support mobile browsers), and so does any page where Monaco fails to load.
import type { EditorKeys } from "../editor-handle.js";
import type { Autosave } from "./autosave.js";
import type { SpecLayout } from "./render-layout.js";
import type { SpecSession } from "./session.js";
import { isTouchScreen } from "./touch.js";

export async function upgradeToMonaco(
  session: SpecSession,
  layout: SpecLayout,
  keys: EditorKeys,
  autosave: Autosave,
): Promise<void> {
  if (isTouchScreen()) return;
  const { ui } = session;
  const { status, editorHost, live } = layout;
  status.textContent = ui.loadingEditor;
  try {
    const { monacoEditor } = await import("../monaco.js");
    const textarea = session.editor;
    let hadFocus = false;
    const next = await monacoEditor(
      editorHost,
      session.path,
      () => {
        hadFocus = editorHost.contains(document.activeElement);
        return textarea.getValue();
      },
      ui.editorLabel,
      keys,
    );
    session.editor.dispose();
    session.editor = next;
    autosave.watch(next);
    if (hadFocus) next.focus();
    live.dataset.editor = "monaco";
  } catch (e) {
    // The textarea stays: everything works without Monaco.
    console.warn("pymem: Monaco did not load", e);
  }
  if (status.textContent === ui.loadingEditor) status.textContent = "";
}
