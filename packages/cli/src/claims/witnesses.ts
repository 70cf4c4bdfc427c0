// Runs every claim's witness on every interpreter it applies to, `concurrency` at a time, judged by
// the rules the scenarios tests use. Interpreters that were recorded but are not on
// this machine are reported as skipped, with the reason.
import { type Interpreter, interpreterName } from "@pymem/oracle";
import { type Claim, recordedInterpreter } from "@pymem/scenarios";
import {
  judgeWitnessRun,
  notApplicableReason,
  readRecording,
  recordedRow,
  runWitnessRetryingTimeout,
  type WitnessCheck,
  witnessSource,
} from "@pymem/scenarios/node";
import type { NotApplicable } from "./report.js";
import { inShard, type Shard } from "./shards.js";

export interface ClaimWitnesses {
  readonly witnesses: WitnessCheck[];
  readonly notApplicable: NotApplicable[];
}

export interface WitnessProgress {
  readonly done: number;
  readonly total: number;
  readonly claim: string;
  readonly check: WitnessCheck;
}

interface Job {
  readonly claim: Claim;
  readonly interpreter: Interpreter;
  readonly source: string;
}

/**
 * `shard`: run only that share of the witness runs (shards.ts); the claims whose specs the shard
 * runs (`owns`) also report the interpreters not applicable and the recorded ones not found here.
 */
export async function runWitnessChecks(
  claims: readonly Claim[],
  interpreters: readonly Interpreter[],
  options: {
    timeoutMs: number;
    concurrency: number;
    onProgress?: (p: WitnessProgress) => void;
    shard?: Shard;
    owns?: (claim: Claim) => boolean;
  },
): Promise<Map<string, ClaimWitnesses>> {
  const owns = options.owns ?? (() => true);
  const results = new Map<string, ClaimWitnesses>();
  const all: Job[] = [];
  for (const claim of claims) {
    const entry: ClaimWitnesses = { witnesses: [], notApplicable: [] };
    results.set(claim.id, entry);
    if (!claim.predictWitness) continue;
    const source = witnessSource(claim.id);
    for (const i of interpreters) {
      const reason = notApplicableReason(claim, i);
      if (!reason) all.push({ claim, interpreter: i, source });
      else if (owns(claim)) entry.notApplicable.push({ interpreter: interpreterName(i), reason });
    }
  }
  const jobs = all.filter((_, position) => inShard(position, options.shard));
  const total = jobs.length;
  let next = 0;
  let done = 0;
  const checks = new Map<Job, WitnessCheck>();
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as Job;
      const run = await runWitnessRetryingTimeout(job.interpreter, job.source, options.timeoutMs);
      const recorded = recordedRow(readRecording(job.claim.id), interpreterName(job.interpreter));
      const check = judgeWitnessRun(job.claim, job.interpreter, run, recorded);
      checks.set(job, check);
      options.onProgress?.({ done: ++done, total, claim: job.claim.id, check });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  // Keep the discovery order of interpreters within each claim.
  for (const job of jobs) results.get(job.claim.id)?.witnesses.push(checks.get(job) as WitnessCheck);
  for (const claim of claims)
    if (owns(claim)) addMissingInterpreters(claim, interpreters, results.get(claim.id));
  return results;
}

/** Interpreters in the committed recording that this machine does not have: skipped, with the reason. */
function addMissingInterpreters(
  claim: Claim,
  found: readonly Interpreter[],
  entry: ClaimWitnesses | undefined,
): void {
  if (!entry || !claim.predictWitness) return;
  const here = new Set(found.map(interpreterName));
  for (const row of readRecording(claim.id)?.results ?? []) {
    if (here.has(row.interpreter)) continue;
    if (notApplicableReason(claim, recordedInterpreter(row)) !== undefined) continue;
    entry.witnesses.push({
      interpreter: row.interpreter,
      kind: row.kind,
      version: row.version,
      status: "skipped",
      predicted: null,
      actual: null,
      reason: "not found on this machine (recorded elsewhere)",
    });
  }
}
