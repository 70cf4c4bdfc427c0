// The playground's words (lib/i18n.ts `playground`, put in the page by Playground.astro) and what its
// buttons ask.
import type { StepperUi } from "../trace-stepper.js";

export interface PlaygroundUi extends StepperUi {
  readonly tracing: string;
  readonly editorLabel: string;
  readonly modelRunning: string;
  /** "{n} builds, one output" */
  readonly sameOnAll: string;
  /** "{n} builds, {k} different outputs: choose a group to see what it prints" */
  readonly differsOn: string;
  readonly printed: string;
  readonly exception: string;
  readonly refused: string;
  readonly failed: string;
  /** "{done} of {total} builds ran; the next ran over {limit} s and was stopped" */
  readonly stopped: string;
  readonly crashed: string;
  /** Said when the editor opens on the reader's edit from an earlier visit. */
  readonly restored: string;
  /** Said when the editor opens on a shared link's Python, which is not saved until kept. */
  readonly sharedOpened: string;
  readonly keepShared: string;
  readonly sharedKept: string;
  readonly sharedDamaged: string;
  readonly sharedTooLarge: string;
  readonly shareDone: string;
  readonly shareFallback: string;
  /** The claim's own witness has no prediction on this Pyodide build: why. */
  readonly noPrediction: string;
}

/**
 * What a button asks; "restore" opens the editor on the reader's edit from an earlier visit, "shared"
 * on the Python of a shared link (client/enhance.ts asks both when the block comes into view).
 */
export type Action = "edit" | "run-model" | "step" | "reset" | "run-witness" | "share" | "restore" | "shared";
