export { type ReplayOptions, replay, TraceStateError } from "./replay.js";
export {
  formatOp,
  formatTrace,
  parseTrace,
  readTrace,
  type TraceOp,
  type TraceReading,
  TraceSyntaxError,
} from "./trace.js";
