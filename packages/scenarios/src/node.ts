// Node-only helpers of @pymem/scenarios (files on disk); the main entry stays browser-safe.
export {
  CLAIMS_DIR,
  RECORDINGS_DIR,
  type RecordedResult,
  type Recording,
  recordingPath,
  witnessSource,
} from "./paths.js";
