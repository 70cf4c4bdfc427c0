// What the page and the model's worker (client/model.worker.ts) say to each other when the playground
// runs a reader's Python on the model. The worker is the site's own code running @pymem/python, which
// interprets the program (nothing of it becomes JavaScript); what it sends back is text and numbers.
import type { TraceStep } from "@pymem/python";
import type { Lang } from "../sections.js";

/**
 * Run `source` on every build the model has (build names in the page's language); or trace it on the
 * build of one profile, one step per statement; or run it as a Pyodide build would.
 */
export type ModelRequest =
  | { readonly id: number; readonly kind: "every-build"; readonly source: string; readonly lang: Lang }
  | {
      readonly id: number;
      readonly kind: "trace";
      readonly source: string;
      readonly lang: Lang;
      /** The core's profile id of the build: "3.15", "3.12-32bit". */
      readonly profile: string;
    }
  | {
      readonly id: number;
      readonly kind: "pools";
      readonly source: string;
      /** The core's profile id of the build the steps were traced on. */
      readonly profile: string;
      /** The step (0-based) after which to draw pymalloc's arenas and pools. */
      readonly step: number;
      readonly text: PoolsText;
    }
  | {
      readonly id: number;
      readonly kind: "pyodide";
      readonly source: string;
      /** The Python version of a Pyodide build ("3.12.7"): the model runs the program as it would. */
      readonly python: string;
    };

/** The words of a drawn arena map, in the page's language. */
export interface PoolsText {
  readonly title: string;
  readonly description: string;
  /** "arena" (before a slot number) */
  readonly arena: string;
  readonly released: string;
}

/** A traced run: its steps (at most MODEL_TRACE_STEP_LIMIT), or why there are none. */
export interface TraceResult {
  /** "3.15 (64-bit)", in the page's language. */
  readonly build: string;
  /** The core's profile id of that build. */
  readonly profile: string;
  readonly steps: readonly TraceStep[];
  /** More statements ran than the steps kept. */
  readonly cut: boolean;
  /** The program's output as a whole (ran), or the refusal's or failure's one line. */
  readonly outcome: Pick<OutputGroup, "kind" | "text" | "stderr" | "exitCode">;
}

/** What one group of builds, all printing alike, printed. */
export interface OutputGroup {
  /** "2.7–3.13 (64-bit and 32-bit)", in the page's language. */
  readonly builds: string;
  /** The core's profile ids of the group, in the core's order. */
  readonly profiles: readonly string[];
  /** ran: the program's stdout; refused: the model's one-line reason; failed: a bug in pymem. */
  readonly kind: "ran" | "refused" | "failed";
  readonly text: string;
  /** What the program wrote to stderr (a traceback), when it ran. */
  readonly stderr: string;
  /** The program's exit code: 1 after an uncaught exception. */
  readonly exitCode: number;
}

export type ModelResponse =
  /** Sent as each build starts, so that the page's clock for a build can be restarted. */
  | { readonly id: number; readonly kind: "build-started"; readonly index: number; readonly total: number }
  | { readonly id: number; readonly kind: "every-build"; readonly groups: readonly OutputGroup[] }
  | { readonly id: number; readonly kind: "trace"; readonly trace: TraceResult }
  | { readonly id: number; readonly kind: "pyodide"; readonly run: Omit<OutputGroup, "builds" | "profiles"> }
  /** The arena map after the step, as SVG the worker drew from numbers (empty: no such step). */
  | { readonly id: number; readonly kind: "pools"; readonly step: number; readonly svg: string };
