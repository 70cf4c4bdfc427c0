// The live spec: an editor over the claim's spec file, a toolbar (run, reset, share) and the results of
// every test from the worker. Loaded only when the reader opens a spec. This module connects the parts
// in spec-editor/: render-*.ts build DOM from data; the others wire events, saving, sharing, Monaco and
// the runner.
import { textareaEditor } from "./editor-handle.js";
import { warmUp } from "./runner-client.js";
import { startAutosave } from "./spec-editor/autosave.js";
import { upgradeToMonaco } from "./spec-editor/monaco-upgrade.js";
import { openingText } from "./spec-editor/opening-text.js";
import { renderSharedEditChoice, renderSpecLayout } from "./spec-editor/render-layout.js";
import { specRunner } from "./spec-editor/run-spec.js";
import type { SpecSession } from "./spec-editor/session.js";
import { wireResetButton, wireShareButton, wireSharedEditChoice } from "./spec-editor/toolbar-actions.js";
import { isTouchScreen } from "./spec-editor/touch.js";
import type { SpecUi } from "./spec-editor/ui-text.js";

const readJson = <T>(root: Element, selector: string): T =>
  JSON.parse(root.querySelector(selector)?.textContent ?? "null") as T;

export async function openSpecEditor(host: HTMLElement, options: { focus: boolean }): Promise<void> {
  const claim = host.dataset.claim ?? "";
  const path = host.dataset.path ?? "";
  const original = readJson<string>(host, "[data-spec-source]");
  const ui = readJson<SpecUi>(host, "[data-ui]");
  // Each sandbox is warmed up on the claim's own spec (never on an edit), then runs the reader's text.
  const warm = { path, source: original };
  void warmUp(warm);

  const opening = await openingText(claim, original, ui);
  const layout = renderSpecLayout(ui, opening.notice);
  const choice = opening.guardingStored ? renderSharedEditChoice(layout.noticeLine, ui) : undefined;
  host.querySelector(".spec-static")?.setAttribute("hidden", "");
  host.querySelector<HTMLElement>("[data-action=edit]")?.setAttribute("hidden", "");
  host.append(layout.live);

  const keys = { run: () => void run(), leave: () => layout.runButton.focus() };
  const session: SpecSession = {
    claim,
    path,
    original,
    ui,
    editor: textareaEditor(
      layout.editorHost,
      opening.text,
      isTouchScreen() ? ui.touchEditorLabel : ui.editorLabel,
      keys,
    ),
    guardingStored: opening.guardingStored,
  };
  const autosave = startAutosave(session);
  autosave.watch(session.editor);
  if (options.focus) session.editor.focus();

  const run = specRunner(session, layout, warm);
  const actions = { run, autosave };
  if (choice) wireSharedEditChoice(session, layout, choice, actions);
  layout.runButton.addEventListener("click", () => void run());
  wireResetButton(session, layout, actions);
  wireShareButton(session, layout);

  await run();
  await upgradeToMonaco(session, layout, keys, autosave);
  layout.live.dataset.ready = "true";
}
