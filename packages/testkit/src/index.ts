export {
  inCI,
  MissingPrerequisiteError,
  type RequireOptions,
  requireOrSkip,
  SKIPS_FILE,
  type SkippableContext,
} from "./policy.js";
export { assertNodeRuntime, REQUIRED_NODE_MAJOR, WrongNodeRuntimeError } from "./runtime.js";
