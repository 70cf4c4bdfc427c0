// @pymem/oracle: real CPython as the judge of the model. Node-side only.

export { ArchiveError, hostMirrors } from "./archive/apt.js";
export { ARCHIVE_BUILDS, type ArchiveBuild, runsWithMimalloc } from "./archive/builds.js";
export {
  type FetchReport,
  fetchJudge,
  isFetched,
  judgesCache,
  resolvePins,
  wrapperPath,
} from "./archive/fetch.js";
export {
  formatLock,
  LOCK_FILE,
  LockFileError,
  type PinnedPackage,
  parseLock,
  readLock,
} from "./archive/lock.js";
export { uniqueTempPath, writeFileAtomic } from "./atomic-file.js";
export { candidateExecutables, discoverNative, ProbeError, probe } from "./discover.js";
export { type Interpreter, interpreterName } from "./interpreter.js";
export {
  archiveJudges,
  discoverJudges,
  type Judge,
  type JudgeSummary,
  type MissingJudge,
  summarize,
} from "./judges.js";
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
export { killAllRuns, stopRunsOnSignals } from "./process-group.js";
export { candidateProfileIds } from "./profile-match.js";
export { discoverPyodide, PYODIDE_ALIASES, runPyodide } from "./pyodide.js";
export { hasStartupSnapshots } from "./pyodide-snapshot.js";
export {
  emptyWorkingDirectory,
  fixedAddressesPrefix,
  isTimeoutMs,
  MAX_OUTPUT_BYTES,
  MAX_TIMEOUT_MS,
  MEMORY_LIMIT_BYTES,
  type ProcessOptions,
  parseTimeoutMs,
  type RunOptions,
  type RunResult,
  ranToCompletion,
  runProcess,
  runPython,
} from "./run.js";
export { discoverAll, runWitness, runWitnessOnAll, type WitnessRun } from "./witness.js";
