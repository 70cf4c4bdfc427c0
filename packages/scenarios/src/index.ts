// @pymem/scenarios: the article's claims as executable specs with verdicts per CPython version.

// The article's section-2 code (C18 reads it and checks how CPython takes it), for the site's playground.
export { articleCodeLines } from "../claims/C18-code-runs-as-published/article-code.js";
export { fixIndentation } from "../claims/C18-code-runs-as-published/model.js";
export { ARTICLE, PARAGRAPHS_PER_SECTION } from "./article.js";
export {
  type Bilingual,
  type Claim,
  type ClaimDefinition,
  type CpythonRef,
  claimInFolder,
  defineClaim,
  isBeyondArticle,
  minorVersion,
  PROFILED_VERSIONS,
  type ProfileQuery,
  profilesWhere,
  type QuotedRun,
  type Verdict,
  type VerdictKind,
  verdictByVersion,
  verdictFor,
  type WitnessTarget,
} from "./claim.js";
export { CLAIMS } from "./generated/claims.js";
export {
  CLAIM_FOLDER_PATTERN,
  CLAIM_ID_PATTERN,
  type ClaimPaths,
  claimIdOfFolder,
  claimPaths,
  INCLUDES_FOLDER,
  isBrowserSafeSource,
  NODE_ONLY_SOURCES,
  SLUG_PATTERN,
} from "./layout.js";
export type { RecordedResult, Recording } from "./recording.js";
export { claimById } from "./registry.js";
export { isSection, SECTION_IDS, SECTIONS, type Section } from "./sections.js";
export { isTag, TAGS, type Tag } from "./tags.js";
export {
  MIMALLOC_REFS,
  MIMALLOC_SINCE,
  type WithoutPymallocVerdict,
  withoutPymallocVerdict,
} from "./without-pymalloc.js";
export {
  type InterpreterFacts,
  judgeOutput,
  type ModelJudgement,
  notApplicableReason,
  predictionsFor,
  recordedInterpreter,
  recordedOn,
  witnessTargets,
} from "./witness-judging.js";
export {
  aroundStatement,
  type ModelBuild,
  NoWitnessError,
  printedAfter,
  printedNumber,
  printedTruth,
  profileBuild,
  witnessLine,
  witnessOnModel,
  witnessText,
} from "./witness-model.js";
export { assembleWitness, INCLUDE_LINE, includesOf } from "./witness-source.js";
