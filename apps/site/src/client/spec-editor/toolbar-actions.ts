// What the reset and share buttons do, and the choice a shared edit offers over the reader's own.
import { readSharedEdit, readStoredEdit } from "../edits.js";
import { shareUrl } from "../share.js";
import type { Autosave } from "./autosave.js";
import type { SharedEditChoice, SpecLayout } from "./render-layout.js";
import { renderShareUrlField } from "./render-toolbar.js";
import type { SpecSession } from "./session.js";

interface Actions {
  readonly run: () => Promise<void>;
  readonly autosave: Autosave;
}

/** Drops "#edit=…" from the address, keeping the page's place in history. */
const dropSharedLink = () => history.replaceState(null, "", location.pathname + location.search);

/** Back to the claim's spec: the reader's edit and any shared link are dropped, and it runs. */
export function wireResetButton(session: SpecSession, layout: SpecLayout, { run, autosave }: Actions): void {
  layout.resetButton.addEventListener("click", () => {
    session.guardingStored = false;
    session.editor.setValue(session.original);
    autosave.save(session.original);
    if (readSharedEdit(session.claim) !== undefined) dropSharedLink();
    layout.noticeLine.hidden = true;
    void run();
  });
}

/** Puts the edit in the address and copies it; without a clipboard, shows the link to copy by hand. */
export function wireShareButton(session: SpecSession, layout: SpecLayout): void {
  const { ui } = session;
  layout.shareButton.addEventListener("click", async () => {
    const url = await shareUrl(session.claim, session.editor.getValue());
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      layout.status.textContent = ui.shareDone;
    } catch {
      // No clipboard (permissions, insecure origin): show the link to copy by hand.
      const field = renderShareUrlField(url, ui.shareFallback);
      layout.status.replaceChildren(ui.shareFallback, " ", field);
      field.select();
    }
  });
}

/** The reader's own edit back (and run), or the shared one kept as theirs; either ends the guard. */
export function wireSharedEditChoice(
  session: SpecSession,
  layout: SpecLayout,
  choice: SharedEditChoice,
  { run, autosave }: Actions,
): void {
  const leaveSharedLink = () => {
    session.guardingStored = false;
    dropSharedLink();
    layout.noticeLine.hidden = true;
  };
  choice.openYours.addEventListener("click", () => {
    leaveSharedLink();
    session.editor.setValue(readStoredEdit(session.claim) ?? session.original);
    void run();
  });
  choice.keepShared.addEventListener("click", () => {
    leaveSharedLink();
    autosave.save(session.editor.getValue());
  });
}
