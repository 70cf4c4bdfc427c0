export { inCI, MissingPrerequisiteError, requireOrSkip, type SkippableContext } from "./policy.js";
export { assertNodeRuntime, REQUIRED_NODE_MAJOR, WrongNodeRuntimeError } from "./runtime.js";
