// What the page allows the code it runs for a reader: a spec (in a sandbox, src/client/sandbox.ts) and
// a witness (on Pyodide). One place, read by the clients that enforce the limits and by the strings that
// name them to the reader (lib/i18n.ts), so a message never states another limit than the one applied.
// docs/untrusted-code.md says where each runs and what it can reach.

/** Loading a spec, and then each of its tests, may run this long (ms) before the sandbox is ended. */
export const SPEC_STEP_LIMIT_MS = 2000;

/**
 * A whole run may take this long (ms), whatever the spec posts: its "a test started" messages restart
 * the per-step clock, so without a ceiling a spec that sends them forever would never be stopped. A
 * claim spec of 51 tests takes 0.6 s on a fast machine and a few seconds on a busy 2-core one.
 */
export const SPEC_RUN_LIMIT_MS = 20_000;

/**
 * Messages one run may send the page (ms-cheap each, but a flood would keep the page busy). A claim
 * spec sends one per test plus one: under 200.
 */
export const SPEC_MESSAGE_LIMIT = 10_000;

/**
 * Characters of text one run may put into the page: test names, failure messages and console output
 * together. Each field of a message has its own cap (lib/sandbox/protocol.ts LIMITS), but 5,000 failing
 * tests of 10,000 characters each made the page lay out 50 MB of text and froze it for half a minute.
 * What passes this is left out, with a note that says so; the summary still counts every test. A claim
 * spec puts a few thousand characters in.
 */
export const SPEC_OUTPUT_LIMIT_CHARS = 200_000;

/** Starting a sandbox (its frame, then the worker parsing the ~0.7 MB runner) may take this long (ms). */
export const SANDBOX_START_LIMIT_MS = 30_000;

/** Loading one Pyodide build, a few MB, in a fresh sandbox: seconds on a slow machine (ms). */
export const PYODIDE_LOAD_LIMIT_MS = 90_000;

/**
 * Running a program once its Pyodide is loaded. The claims' witnesses take 5–53 ms on Pyodide 3.12
 * in Chromium here (7 December 2026); a reader's endless loop is stopped after this long (ms).
 */
export const PYODIDE_RUN_LIMIT_MS = 2_000;

/** What one Pyodide run may put into the page: its stdout, and its stderr, each (characters). */
export const PYODIDE_OUTPUT_LIMIT_CHARS = 20_000;

/**
 * A shared edit in a link: at most this many characters of base64url in the hash, and this many bytes
 * once inflated. The largest claim spec is a few KB; a link past these is refused and the reader told,
 * before a small link can inflate to hundreds of MB (a "decompression bomb") and take the tab down.
 */
export const SHARED_LINK_MAX_CHARS = 400_000;
export const SHARED_EDIT_MAX_BYTES = 256 * 1024;

/** Whole seconds, for the messages that name a limit. */
export const seconds = (ms: number): number => Math.round(ms / 1000);

/**
 * The playground's run of a reader's Python on the model: each build may take this long (ms) before the
 * model's worker is ended and the run reported as stopped. A witness takes milliseconds per build; the
 * longest, C17's, about 15 ms in Node.
 */
export const MODEL_BUILD_LIMIT_MS = 2000;

/** Loading the model's worker (about 1 MB of code, once per page) may take this long (ms). */
export const MODEL_LOAD_LIMIT_MS = 30_000;

/** Characters of one build's output the playground shows; the rest is left out, with a note. */
export const MODEL_OUTPUT_LIMIT_CHARS = 20_000;

/**
 * Steps of a traced run the playground keeps (one per executed statement; the program still runs to
 * its end). A step shares with the one before it whatever did not change (@pymem/python's
 * TraceInterner): 100,000 steps of a loop are 17–25 MB as the worker's message, traced in 0.5–1.6 s
 * on this 2-core machine (7 December 2026), within the build's 2 s.
 */
export const MODEL_TRACE_STEP_LIMIT = 100_000;
