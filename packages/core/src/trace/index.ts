export { MAX_LIVE_IDS, Replayer, type ReplayOptions, replay, TraceStateError } from "./replay.js";
export {
  formatOp,
  formatTrace,
  parseTrace,
  readTrace,
  TRACE_LINE_LIMIT,
  type TraceOp,
  TraceReader,
  type TraceReading,
  TraceSyntaxError,
} from "./trace.js";
