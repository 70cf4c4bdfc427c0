/*
 * Random Python programs for the differential fuzzer: the model and real CPython must print the same.
 *
 * As in core's trace arbitrary, fast-check draws "instructions" (which statement, three numbers to
 * choose with) and a small interpreter turns them into lines, using statements.ts's table against the
 * program's state. An instruction that does not apply (del with nothing bound) writes nothing, so every
 * program is valid and so is every shrink of it: fast-check shrinks the instructions, never the text.
 *
 * The same text runs on 2.7 and 3.6+: print_function, classes deriving from object, no f-strings.
 * The prelude collects once with the collector disabled, so that gc.collect() counts only what the
 * program made (a fresh native interpreter has nothing to collect; Pyodide's start-up leaves some).
 * The epilogue deletes every bound name and collects, so that every D0 is finalized (or, on 2.7, kept
 * uncollectable in gc.garbage) before the end: what interpreter shutdown finalizes, and in which order,
 * is not what these programs are about.
 */
import fc from "fast-check";
import {
  ALL_FEATURES,
  DEFINITIONS,
  type Feature,
  type Picks,
  ProgramState,
  STATEMENTS,
  type Statement,
} from "./statements.js";

export { ALL_FEATURES, FEATURES, type Feature } from "./statements.js";

export interface Program {
  /** the features the program's statements use (the definitions it needs follow from them) */
  readonly uses: readonly Feature[];
  /** the statements between the definitions and the epilogue, one line each, all at module level */
  readonly body: readonly string[];
  /** deletes the names still bound, then collects */
  readonly epilogue: readonly string[];
}

export interface ProgramOptions {
  /** The features statements may use (default: all of FEATURES). */
  readonly features?: readonly Feature[];
  /** Most instructions drawn for one program (default 60); about a third write nothing. */
  readonly maxStatements?: number;
}

const PRELUDE = [
  "from __future__ import print_function",
  "import sys",
  "import gc",
  "gc.disable()",
  "gc.collect()",
];

interface Instruction {
  /** index into the enabled statements */
  readonly statement: number;
  readonly picks: Picks;
}

/** The statements whose every feature is switched on, in table order. */
export function enabledStatements(features: readonly Feature[] = ALL_FEATURES): Statement[] {
  const on = new Set(features);
  return STATEMENTS.filter((s) => s.needs.every((f) => on.has(f)));
}

export function programArbitrary(options: ProgramOptions = {}): fc.Arbitrary<Program> {
  const statements = enabledStatements(options.features);
  if (statements.length === 0) throw new RangeError("no statement has all its features switched on");
  const pick = fc.nat({ max: 0xffff });
  const instruction: fc.Arbitrary<Instruction> = fc.record({
    // fast-check takes whole weights; the table's go down to one half.
    statement: fc.oneof(...statements.map((s, i) => ({ weight: s.weight * 2, arbitrary: fc.constant(i) }))),
    picks: fc.tuple(pick, pick, pick),
  });
  return fc
    .array(instruction, { minLength: 1, maxLength: options.maxStatements ?? 60, size: "max" })
    .map((instructions) => withText(interpret(instructions, statements, options.features ?? ALL_FEATURES)));
}

/** `count` programs drawn with a fixed seed: the same programs on every run and every machine. */
export function samplePrograms(seed: number, count: number, options: ProgramOptions = {}): Program[] {
  return fc.sample(programArbitrary(options), { seed, numRuns: count });
}

function interpret(
  instructions: readonly Instruction[],
  statements: readonly Statement[],
  features: readonly Feature[],
): Program {
  const state = new ProgramState();
  const uses = new Set<Feature>();
  const body: string[] = [];
  for (const { statement, picks } of instructions) {
    const s = statements[statement] as Statement;
    const line = s.emit(state, picks);
    if (line === undefined) continue;
    body.push(line);
    for (const f of s.needs) uses.add(f);
  }
  const epilogue = state.bound().map((name) => `del ${name}`);
  epilogue.push(features.includes("gc") ? "print(gc.collect())" : "gc.collect()");
  return { uses: [...uses].sort(), body, epilogue };
}

/** The whole program: prelude, the definitions its features need, body, epilogue; ends with a newline. */
export function renderProgram(program: Program): string {
  const definitions = DEFINITIONS.filter((d) => program.uses.includes(d.needs)).flatMap((d) => d.lines);
  return `${[...PRELUDE, ...definitions, ...program.body, ...program.epilogue].join("\n")}\n`;
}

/** fast-check shows a failing program as its text, ready to paste into a file. */
function withText(program: Program): Program {
  return Object.assign(program, { [fc.toStringMethod]: () => `\n${renderProgram(program)}` });
}
