// The spec editor's texts, in the page's language: SpecBlock.astro writes them into the block as JSON,
// so the script needs no copy of the dictionary.
import type { HeapText } from "../../lib/pictures/spec-heaps.js";
import type { StopReason } from "../runner-client.js";

export interface SpecUi {
  run: string;
  reset: string;
  share: string;
  shareDone: string;
  shareFallback: string;
  editorLabel: string;
  touchEditorLabel: string;
  loadingEditor: string;
  running: string;
  keysHint: string;
  touchHint: string;
  results: string;
  consoleOutput: string;
  heaps: string;
  heapText: HeapText;
  passed: string;
  failed: string;
  /** "{n} tests fail alike": failed tests grouped by their error. */
  failedAlike: string;
  skipped: string;
  stopped: Record<StopReason, string>;
  refused: string;
  stoppedIn: string;
  stoppedLoading: string;
  crashed: string;
  loadError: string;
  line: string;
  restored: string;
  sharedRestored: string;
  sharedKeepsYours: string;
  openYours: string;
  keepShared: string;
  sharedTooLarge: string;
  sharedDamaged: string;
}
