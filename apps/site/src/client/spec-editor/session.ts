// What the wiring modules of one open spec share: the block's data, and the two things that change while
// it is open (which editor the reader has, and whether a shared edit guards theirs).
import type { EditorHandle } from "../editor-handle.js";
import type { SpecUi } from "./ui-text.js";

export interface SpecSession {
  readonly claim: string;
  /** The spec's path in the claim's folder, as the runner and error positions name it. */
  readonly path: string;
  /** The claim's own spec, as shipped. */
  readonly original: string;
  readonly ui: SpecUi;
  /** The textarea, then Monaco once it has loaded. */
  editor: EditorHandle;
  /**
   * A shared edit opened over a different edit of the reader's own: typing does not save over theirs
   * until they choose (keepShared), or go back to theirs (openYours).
   */
  guardingStored: boolean;
}
