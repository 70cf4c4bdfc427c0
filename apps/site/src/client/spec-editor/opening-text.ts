// Which text the editor opens with, and the notice that says why: a shared link's edit, else the
// reader's own edit from an earlier visit, else the claim's spec.
import { readSharedEdit, readStoredEdit } from "../edits.js";
import { decodeEdit, ShareLinkError } from "../share.js";
import type { SpecUi } from "./ui-text.js";

export interface OpeningText {
  readonly text: string;
  /** Empty when there is nothing to say. */
  readonly notice: string;
  /** A shared edit opened over a different edit of the reader's own (see SpecSession). */
  readonly guardingStored: boolean;
}

export async function openingText(claim: string, original: string, ui: SpecUi): Promise<OpeningText> {
  const shared = readSharedEdit(claim);
  const stored = readStoredEdit(claim);
  if (shared !== undefined) {
    try {
      const text = await decodeEdit(shared);
      return { text, notice: ui.sharedRestored, guardingStored: stored !== undefined && stored !== text };
    } catch (e) {
      // Refused or damaged: say so, and show what the reader would see without the link.
      const notice =
        e instanceof ShareLinkError && e.problem === "too-large" ? ui.sharedTooLarge : ui.sharedDamaged;
      return { text: stored ?? original, notice, guardingStored: false };
    }
  }
  if (stored !== undefined) return { text: stored, notice: ui.restored, guardingStored: false };
  return { text: original, notice: "", guardingStored: false };
}
