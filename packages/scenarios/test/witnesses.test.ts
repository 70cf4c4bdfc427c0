// Every claim's witness.py, run once on every interpreter found (native CPython and Pyodide):
//   - where the claim applies, the output must be what the model predicts for that build;
//   - everywhere, it must equal the committed recording (recordings/<id>.json, written by
//     `pnpm oracle record`), which readers and the site see: a difference is drift, and fails.
// The judging rules live in src/check/witness-check.ts, shared with `pnpm claims`.
import { discoverAll, type Interpreter, interpreterName } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { CLAIMS, recordedOn } from "../src/index.js";
import {
  judgeWitnessRun,
  notApplicableReason,
  readRecording,
  recordedRow,
  recordingPath,
  runWitnessRetryingTimeout,
  witnessSha256,
  witnessSource,
} from "../src/node.js";

const interpreters = await discoverAll();
const witnessed = CLAIMS.filter((c) => c.predictWitness);

describe.each(witnessed.map((c) => [c.id, c] as const))("claim %s witness", (id, claim) => {
  const source = witnessSource(id);
  const recording = readRecording(id);

  it("has a recording of the current witness.py", () => {
    expect(recording, `${recordingPath(id)} is missing: run pnpm oracle record ${id}`).toBeDefined();
    expect(
      recording?.witnessSha256,
      `witness.py changed since it was recorded: run pnpm oracle record ${id}`,
    ).toBe(witnessSha256(source));
  });

  it("has interpreters to run on", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no CPython interpreter found");
    const applicable = interpreters.filter((i) => notApplicableReason(claim, i) === undefined);
    expect(applicable.length, "no interpreter this witness applies to").toBeGreaterThan(0);
  });

  it("is recorded on exactly the interpreters it runs on", () => {
    const names = (recording?.results ?? []).map((r) => r.interpreter);
    for (const i of interpreters)
      expect(names.includes(interpreterName(i)), interpreterName(i)).toBe(recordedOn(claim, i));
  });

  const runsOn = interpreters.filter((i) => recordedOn(claim, i));
  it.concurrent.for(runsOn.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s prints what the model predicts and what was recorded",
    { timeout: 240_000 },
    async ([name, i]) => {
      const row = recordedRow(recording, name);
      const run = await runWitnessRetryingTimeout(i, source, 90_000);
      if (notApplicableReason(claim, i) === undefined) {
        const check = judgeWitnessRun(claim, i, run, row);
        expect(check.actual, `${check.reason}\n${run.stderr}`).toBe(check.predicted);
        expect(check.status, check.reason).toBe("pass");
      } else {
        // Not judged by the model here, but the recording shown to readers must still be true.
        expect(row, `${name} was not recorded: run pnpm oracle record ${id}`).toBeDefined();
        expect({ status: run.status, stdout: run.stdout }).toEqual({
          status: row?.status,
          stdout: row?.stdout,
        });
      }
    },
  );
});
