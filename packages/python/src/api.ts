/*
 * What @pymem/python offers its users (the CLI, the scenarios, the site): run a Python program on the
 * model of one CPython build and get what that build would print.
 */
import type { Lifetime, Pymalloc } from "@pymem/core";
import type { VersionRules } from "./vm/rules.js";

export type { VersionRules } from "./vm/rules.js";

export interface RunOptions {
  /** A CPython version the core has a profile for: "2.7", "3.11", "3.14.2". */
  readonly version: string;
  /** 8 (default), or 4 for a 32-bit build (i386, Pyodide's wasm32). */
  readonly pointerSize?: 4 | 8;
  /** sys.platform of the build: "linux" (default), or "emscripten" for Pyodide. */
  readonly platform?: string;
  /**
   * The pymalloc build, as a @pymem/core allocator profile id, where the version alone does not tell
   * it ("3.6-pyenv": pyenv's 3.6.15 carries the 16-byte alignment patch). Default: the version's
   * upstream build.
   */
  readonly allocatorProfile?: string;
  /** A Py_DEBUG build, whose debug hooks pad every request (@pymem/core withDebugHooks; 3.14+). */
  readonly debugBuild?: boolean;
  /** The file name messages and tracebacks show ("<string>" when not given). */
  readonly filename?: string;
  /** Record one TraceStep per executed statement (costs time and memory). */
  readonly trace?: boolean;
  /**
   * With `trace`, record at most this many steps (the program still runs to its end; RunResult's
   * `traceCut` says steps were left out). Default: every step.
   */
  readonly traceLimit?: number;
  /**
   * Called after every statement, with its number (0-based, the index of its TraceStep when traced)
   * and the allocator the program runs on, to look at pymalloc's arenas and pools then (the site's
   * stepper draws one step's). Must not change the allocator.
   */
  readonly afterStatement?: (statement: number, pymalloc: Pymalloc) => void;
  /**
   * The most bytecode-like instructions the program may execute before it is stopped as runaway
   * (a RunawayError). Default: DEFAULT_INSTRUCTION_LIMIT.
   */
  readonly instructionLimit?: number;
  /**
   * Replaces some of the version's reference rules (VersionRules, vm/rules.ts): "what if 3.11 did not
   * move arguments into the frame?", and the mutation test that shows the differential catches a
   * wrong rule. A real build runs with exactly its version's rules, the default.
   */
  readonly rules?: Partial<VersionRules>;
}

/** Runaway programs stop after this many instructions: about 10 s of model time in Node. */
export const DEFAULT_INSTRUCTION_LIMIT = 50_000_000;

/** One object as a trace step shows it. */
export interface TracedObject {
  /** id(): the object's address in the model */
  readonly id: number;
  readonly type: string;
  /** the reference count the model holds (what getrefcount would show, minus its argument) */
  readonly refcnt: number;
  /** repr(), cut to 80 characters */
  readonly repr: string;
  /**
   * Who keeps it alive, which says what its count means ("heap": exactly the program's references;
   * "runtime-held", "static", "immortal": see @pymem/core's Lifetime).
   */
  readonly lifetime: Lifetime;
  /** The ids of the objects it refers to, in CPython's tp_traverse order. */
  readonly refs: readonly number[];
}

/** The state after one statement ran. */
export interface TraceStep {
  readonly line: number;
  /** Names of the running scope (the module, or the innermost function), each with its object's id. */
  readonly names: Readonly<Record<string, number>>;
  /** Every heap object the program made that is alive now. */
  readonly objects: readonly TracedObject[];
  /**
   * The objects the names and the program's objects refer to that the program did not make (None,
   * cached ints, builtins...), so that every id a name or a `refs` holds is described.
   */
  readonly shared: readonly TracedObject[];
  /** pymalloc's blocks in use (sys.getallocatedblocks()) */
  readonly allocatedBlocks: number;
  /**
   * Objects kept by each type's free list, by list name ("float", "list", "tuple[1]", ...); for 2.7's
   * int and float block allocators, their free slots (a fresh 1000-byte block adds all of its own).
   */
  readonly freeLists: Readonly<Record<string, number>>;
  /** What the program printed during this statement. */
  readonly printed: string;
}

export interface RunResult {
  /** What the program wrote to standard output, exactly as CPython writes it. */
  readonly stdout: string;
  /** Standard error: sys._debugmallocstats() text, and the traceback summary of an uncaught exception. */
  readonly stderr: string;
  /** 0, or 1 when an uncaught Python exception ended the program (as CPython's exit status). */
  readonly exitCode: 0 | 1;
  /** The uncaught exception, as its last traceback line: "ZeroDivisionError: division by zero". */
  readonly exception?: string;
  /** Only with `trace: true`. */
  readonly steps?: readonly TraceStep[];
  /** With `traceLimit`: true when the program ran more statements than the steps kept. */
  readonly traceCut?: boolean;
}
