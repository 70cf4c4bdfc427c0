// A playground's Python in a link ("#python=<key>:<compressed>"): made by Copy link, and opened in the
// editor of whoever follows it without saving over their own edit until they keep it.
import { readSharedPython, storeEdit } from "../edits.js";
import { decodeEdit, ShareLinkError, shareUrl } from "../share.js";
import { renderShareUrlField } from "../spec-editor/render-toolbar.js";
import { openEditor, type State, showNotice, sourceOf } from "./editor.js";
import type { PlaygroundUi } from "./ui.js";

/** Drops "#python=…" from the address, keeping the page's place in history. */
export const dropSharedLink = () => history.replaceState(null, "", location.pathname + location.search);

/** Opens the editor on a shared link's Python, guarding the reader's own edit; a bad link says why. */
export async function openShared(
  host: HTMLElement,
  state: State,
  ui: PlaygroundUi,
  run: () => void,
): Promise<void> {
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
    openEditor(host, state, ui, run);
    if (slot && problem) showNotice(slot, problem);
    return;
  }
  state.guardingStored = true;
  openEditor(host, state, ui, run, text);
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
export async function share(host: HTMLElement, state: State, ui: PlaygroundUi): Promise<void> {
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
