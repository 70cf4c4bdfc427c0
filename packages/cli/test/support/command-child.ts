// One pymem command run from the sources in a process of its own, for tests that signal it:
//   node --import ./strip-types.mjs command-child.ts claims|oracle-run ARGS...
// With PYMEM_TEST_STUCK_PYTHON (an executable that never ends), `claims` runs its witnesses on that
// "native 3.11" and on the Pyodide builds, so a test can catch it while runs are sure to be going on.
import { discoverPyodide, type Interpreter } from "@pymem/oracle";
import { claimsCommand } from "../../src/claims/command.js";
import { oracleRunCommand } from "../../src/oracle-run.js";

const stuck = process.env.PYMEM_TEST_STUCK_PYTHON;
const stuckInterpreter: Interpreter = {
  kind: "native",
  executable: stuck ?? "",
  version: "3.11.7",
  versionInfo: [3, 11, 7],
  releaseLevel: "final",
  pointerSize: 8,
  allocator: "pymalloc",
  debugBuild: false,
  freeThreaded: false,
  buildFlags: "",
  platform: "linux",
};
const io = {
  out: (s: string) => process.stdout.write(s),
  err: (s: string) => process.stderr.write(s),
  tty: false,
  ...(stuck ? { interpreters: [stuckInterpreter, ...discoverPyodide()] } : {}),
};

const [command, ...args] = process.argv.slice(2);
process.exitCode = command === "claims" ? await claimsCommand(args, io) : await oracleRunCommand(args);
