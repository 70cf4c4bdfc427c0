#!/usr/bin/env node
// pymem: the command line (`pymem --help`).
import { setFlagsFromString } from "node:v8";
import { V8_INLINING_FLAGS } from "@pymem/core";
import { CLAIMS_USAGE, claimsCommand } from "./claims/command.js";
import { JUDGES_SYNOPSIS, judgesCommand } from "./judges.js";
import { NEW_CLAIM_SYNOPSIS, newClaimCommand } from "./new-claim.js";
import { oracleRecordCommand } from "./oracle-record.js";
import { oracleRunCommand } from "./oracle-run.js";
import { REPLAY_SYNOPSIS, REPLAY_USAGE, replayCommand } from "./replay.js";
import { RUN_SYNOPSIS, runCommand } from "./run.js";
import { WITNESS_SYNOPSIS, witnessCommand } from "./witness.js";

const USAGE = `${CLAIMS_USAGE}
       pymem oracle run FILE.py [--json] [--timeout MS]
       pymem oracle record [CLAIM_ID ...]
       ${JUDGES_SYNOPSIS}
       ${NEW_CLAIM_SYNOPSIS}
       ${REPLAY_SYNOPSIS}
       ${RUN_SYNOPSIS}
       ${WITNESS_SYNOPSIS}

claims: the claim-check suite: every claim's spec (vitest) and its witness on every interpreter it applies to;
  prints a claim x version table (--json: the report); writes JUnit XML, a Markdown summary, a badge JSON.
  --shard K/N runs a share and writes it (--json FILE); claims merge builds the one report from shards
  of one commit (docs/more-machines.md).
oracle run: runs a Python file on every interpreter found and prints a version x output table
  (exit 1 when none ran it to its end: pymem oracle run --help).
oracle record: records claim witnesses (all, or the ids given) on every interpreter into packages/scenarios/recordings/.
judges: lists every real CPython the judges come from (native, Debian's archive, mimalloc runs, Pyodide);
  --fetch downloads and unpacks the archive's pinned builds (pymem judges --help).
new-claim: scaffolds packages/scenarios/claims/ID-SLUG/ from templates; the folder is the whole change.
${REPLAY_USAGE}
run: runs a Python file on the model of one CPython build (or every build: --python all, a build x output
  table) and prints what it would print; --trace shows the heap after each statement (pymem run --help).
witness: prints a claim's witness as it runs (shared helpers spliced in), to run by hand: pymem witness C14 | python3 -`;

// Before any of the model's code is hot enough to be optimized: V8 reads these when it compiles.
for (const flag of V8_INLINING_FLAGS) setFlagsFromString(flag);

const [command, ...rest] = process.argv.slice(2);
if (command === "claims") {
  process.exitCode = await claimsCommand(rest);
} else if (command === "replay") {
  process.exitCode = await replayCommand(rest);
} else if (command === "run") {
  process.exitCode = runCommand(rest);
} else if (command === "witness") {
  process.exitCode = witnessCommand(rest);
} else if (command === "judges") {
  process.exitCode = await judgesCommand(rest);
} else if (command === "new-claim") {
  process.exitCode = newClaimCommand(rest);
} else if (command === "oracle" && rest[0] === "run") {
  process.exitCode = await oracleRunCommand(rest.slice(1));
} else if (command === "oracle" && rest[0] === "record") {
  process.exitCode = await oracleRecordCommand(rest.slice(1));
} else {
  process.stderr.write(
    `${command === undefined || command === "--help" ? "" : `pymem: unknown command "${command}"\n`}${USAGE}\n`,
  );
  process.exitCode = command === "--help" ? 0 : 2;
}
