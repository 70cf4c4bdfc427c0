// @pymem/scenarios: the article's claims as executable specs with verdicts per CPython version.
export { CLAIM_FOLDERS, CLAIMS } from "../claims/index.js";
export {
  type Bilingual,
  type Claim,
  type CpythonRef,
  defineClaim,
  isBeyondArticle,
  minorVersion,
  PROFILED_VERSIONS,
  profileIdsOf,
  profileIdsSplitAt,
  type Verdict,
  type VerdictKind,
  verdictByVersion,
  verdictFor,
  type WitnessTarget,
} from "./claim.js";
export type { RecordedResult, Recording } from "./recording.js";
export { isTag, TAGS, type Tag } from "./tags.js";
export {
  type InterpreterFacts,
  judgeOutput,
  type ModelJudgement,
  notApplicableReason,
  predictionsFor,
  recordedInterpreter,
  witnessTargets,
} from "./witness-judging.js";
