// Node-only helpers of @pymem/scenarios (files on disk); the main entry stays browser-safe.

export {
  judgeWitnessRun,
  notApplicableReason,
  predictionsFor,
  recordedRow,
  runWitnessRetryingTimeout,
  type WitnessCheck,
  type WitnessStatus,
  witnessTargets,
} from "./check/witness-check.js";
export {
  CLAIMS_DIR,
  RECORDINGS_DIR,
  type RecordedResult,
  type Recording,
  readRecording,
  readScenarioFile,
  recordingPath,
  SCENARIOS_DIR,
  witnessInclude,
  witnessSha256,
  witnessSource,
} from "./paths.js";
