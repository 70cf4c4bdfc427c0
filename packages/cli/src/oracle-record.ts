// pymem oracle record: runs every claim's witness on every interpreter found and writes the results
// to packages/scenarios/recordings/<id>.json, which is committed, so readers and the site see real
// results without 15 interpreters; the scenarios tests re-run the witnesses and fail on drift.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import {
  discoverAll,
  type Interpreter,
  interpreterName,
  runWitnessOnAll,
  stopRunsOnSignals,
  writeFileAtomic,
} from "@pymem/oracle";
import { CLAIMS, recordedOn } from "@pymem/scenarios";
import {
  RECORDINGS_DIR,
  type RecordedResult,
  type Recording,
  recordingPath,
  witnessSource,
} from "@pymem/scenarios/node";

export async function recordWitness(id: string, interpreters: readonly Interpreter[]): Promise<Recording> {
  const source = witnessSource(id);
  const results: RecordedResult[] = (await runWitnessOnAll(interpreters, source, { timeoutMs: 60_000 })).map(
    ({ interpreter, result }) => ({
      interpreter: interpreterName(interpreter),
      kind: interpreter.kind,
      version: interpreter.version,
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
    }),
  );
  return { claim: id, witnessSha256: createHash("sha256").update(source).digest("hex"), results };
}

/** Writes a claim's recording in one step: a test or the site reading it never sees half a file. */
export function writeRecording(recording: Recording): void {
  mkdirSync(RECORDINGS_DIR, { recursive: true });
  writeFileAtomic(recordingPath(recording.claim), `${JSON.stringify(recording, null, 2)}\n`);
}

const USAGE = "usage: pymem oracle record [CLAIM_ID ...]";

export async function oracleRecordCommand(
  args: string[],
  log: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  if (args.includes("--help")) {
    log(`${USAGE}\n`);
    return 0;
  }
  const known = new Set(CLAIMS.map((c) => c.id));
  const unknown = args.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    log(`pymem oracle record: no claim ${unknown.join(", ")} (known: ${[...known].join(" ")})\n${USAGE}\n`);
    return 2;
  }
  const wanted = args.length > 0 ? new Set(args) : known;
  const interpreters = await discoverAll();
  if (interpreters.length === 0) {
    log("pymem oracle record: no interpreter found; nothing recorded\n");
    return 1;
  }
  for (const claim of CLAIMS) {
    if (!claim.predictWitness || !wanted.has(claim.id)) continue;
    const on = interpreters.filter((i) => recordedOn(claim, i));
    log(`recording ${claim.id} on ${on.length} interpreters ...\n`);
    const recording = await stopRunsOnSignals(() => recordWitness(claim.id, on));
    writeRecording(recording);
    const bad = recording.results.filter((r) => r.status !== "ok");
    log(`  ${recordingPath(claim.id)}: ${recording.results.length - bad.length} ok, ${bad.length} not ok\n`);
  }
  return 0;
}
