// @pymem/oracle: real CPython as the judge of the model. Node-side only.
export { candidateExecutables, discoverNative, ProbeError, probe } from "./discover.js";
export { type Interpreter, interpreterName } from "./interpreter.js";
export {
  DEBUG_MALLOC_STATS_SNIPPET,
  type MallocStats,
  MallocStatsParseError,
  parseMallocStats,
  type SizeClassRow,
} from "./mallocstats.js";
export {
  buildAgainst,
  buildHarness,
  type HarnessRun,
  type HarnessRunOptions,
  HarnessUnavailableError,
  harnessHasStats,
  harnessMode,
  harnessTakesAllocatedBlocks,
  harnessUnsupportedReason,
  runHarness,
} from "./native-harness.js";
export { candidateProfileIds } from "./profile-match.js";
export { discoverPyodide, PYODIDE_ALIASES, runPyodide } from "./pyodide.js";
export { type RunOptions, type RunResult, runProcess, runPython } from "./run.js";
export { discoverAll, runWitness, runWitnessOnAll, type WitnessRun } from "./witness.js";
