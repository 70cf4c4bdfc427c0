export { type ReplayOptions, replay, TraceStateError } from "./replay.js";
export { formatOp, formatTrace, parseTrace, type TraceOp, TraceSyntaxError } from "./trace.js";
