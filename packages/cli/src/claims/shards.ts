// The claim suite in shares, for more than one machine: `pymem claims --shard K/N --json FILE` runs
// the specs of every N-th claim and every N-th witness run (counting from K) and writes them with the
// commit and machine they ran on; `pymem claims merge FILE...` joins shards into the one report.
// Shards of one machine split its work; shards of several machines (a CI matrix) add their
// interpreters. Merging refuses shards of different commits, and a claim whose spec no shard ran.
import { spawnSync } from "node:child_process";
import { arch, platform } from "node:os";
import type { WitnessCheck } from "@pymem/scenarios/node";
import type { NotApplicable, SpecSummary } from "./report.js";

/** Shard K of N, K counted from 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The most shards a run may be split into (a CI matrix is far smaller). */
export const MAX_SHARDS = 256;

/** "K/N" as a Shard; throws an Error saying what is wrong. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    throw new Error(`--shard must be K/N with 1 <= K <= N <= ${MAX_SHARDS}, got "${text}"`);
  return { index, count };
}

/** Whether the work item at `position` (0-based, in the run's fixed order) is this shard's. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.count === shard.index - 1;
}

/** One claim's share of the work in a shard; `specs` is null where another shard runs them. */
export interface ShardClaim {
  readonly id: string;
  readonly specs: SpecSummary | null;
  readonly witnesses: readonly WitnessCheck[];
  readonly not_applicable: readonly NotApplicable[];
}

/** What `claims --shard K/N --json FILE` writes. */
export interface ShardFile {
  readonly format: "pymem-claims-shard";
  readonly version: 1;
  /** the commit the shard ran (git's HEAD, "+dirty" with uncommitted changes; else GITHUB_SHA) */
  readonly commit: string;
  /** "linux-x64", "darwin-arm64", "win32-ia32" …: whose interpreters the witnesses ran on */
  readonly machine: string;
  readonly shard: Shard;
  /** the interpreters found, in discovery order (a merged claim lists its witnesses in it) */
  readonly interpreters: readonly string[];
  readonly claims: readonly ShardClaim[];
}

export class ShardMergeError extends Error {
  override name = "ShardMergeError";
}

/** The commit the working tree is at, as shards record it. */
export function currentCommit(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const git = (args: string[]) => spawnSync("git", args, { cwd, encoding: "utf8" });
  const head = git(["rev-parse", "HEAD"]);
  if (head.status === 0) {
    const dirty = git(["status", "--porcelain", "--untracked-files=no"]).stdout.trim() !== "";
    return `${head.stdout.trim()}${dirty ? "+dirty" : ""}`;
  }
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  throw new ShardMergeError("cannot tell which commit this is (no git, no GITHUB_SHA)");
}

export function machineName(): string {
  return `${platform()}-${arch()}`;
}

/** A parsed shard file; throws ShardMergeError naming the file when it is not one. */
export function readShard(name: string, text: string): ShardFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ShardMergeError(`${name}: not JSON (${(e as Error).message})`);
  }
  const f = data as Partial<ShardFile>;
  if (f.format !== "pymem-claims-shard" || f.version !== 1 || !Array.isArray(f.claims))
    throw new ShardMergeError(
      `${name}: not a pymem claims shard (write one with claims --shard K/N --json FILE)`,
    );
  return f as ShardFile;
}

/** A claim as merged: what claimResult needs besides the claim itself. */
export interface MergedClaim {
  readonly specs: SpecSummary;
  readonly witnesses: WitnessCheck[];
  readonly notApplicable: NotApplicable[];
}

/** Joins shards into one result per claim, in the claims' order of the first shard. */
export function mergeShards(shards: readonly { name: string; file: ShardFile }[]): Map<string, MergedClaim> {
  const first = shards[0];
  if (!first) throw new ShardMergeError("no shard files given");
  const commits = new Map(shards.map((s) => [s.file.commit, s.name]));
  if (commits.size > 1)
    throw new ShardMergeError(
      `shards of different commits: ${[...commits].map(([c, n]) => `${c} (${n})`).join(", ")}`,
    );
  const ids = first.file.claims.map((c) => c.id).join(" ");
  const other = shards.find((s) => s.file.claims.map((c) => c.id).join(" ") !== ids);
  if (other) throw new ShardMergeError(`${other.name} checked other claims than ${first.name}`);
  const machines = new Set(shards.map((s) => s.file.machine));
  // one machine: its shards split one run, whose names stay; several: each name says where it ran
  const order = new Map<string, number>();
  for (const s of shards)
    for (const i of s.file.interpreters) {
      const key = machines.size > 1 ? `${i} on ${s.file.machine}` : i;
      if (!order.has(key)) order.set(key, order.size);
    }
  const named = (w: WitnessCheck, machine: string): WitnessCheck =>
    machines.size > 1 && order.has(`${w.interpreter} on ${machine}`)
      ? { ...w, interpreter: `${w.interpreter} on ${machine}` }
      : w;
  const merged = new Map<string, MergedClaim>();
  for (const [position, claim] of first.file.claims.entries()) {
    const parts = shards.map((s) => ({ s, c: s.file.claims[position] as ShardClaim }));
    // (several machines may each run every spec: a failing run is the one reported)
    const runs = parts.map((p) => p.c.specs).filter((x): x is SpecSummary => x !== null);
    const specs = runs.find((r) => r.failed > 0) ?? runs[0];
    if (!specs) throw new ShardMergeError(`no shard ran the spec of ${claim.id}`);
    // every check once (one that ran beats a skipped one), in discovery order, the rest after
    const checks = new Map<string, WitnessCheck>();
    for (const p of parts)
      for (const w of p.c.witnesses.map((x) => named(x, p.s.file.machine))) {
        const seen = checks.get(w.interpreter);
        if (!seen || (seen.status === "skipped" && w.status !== "skipped")) checks.set(w.interpreter, w);
      }
    // a recording's interpreter skipped here ("not found on this machine") that another machine ran
    const ranSomewhere = new Set(
      parts.flatMap((p) => p.c.witnesses.filter((w) => w.status !== "skipped").map((w) => w.interpreter)),
    );
    const rank = (w: WitnessCheck) => order.get(w.interpreter) ?? order.size;
    const witnesses = [...checks.values()]
      .filter((w) => w.status !== "skipped" || order.has(w.interpreter) || !ranSomewhere.has(w.interpreter))
      .sort((a, b) => rank(a) - rank(b));
    const notApplicable = new Map<string, NotApplicable>();
    for (const p of parts)
      for (const n of p.c.not_applicable)
        if (!notApplicable.has(n.interpreter)) notApplicable.set(n.interpreter, n);
    merged.set(claim.id, { specs, witnesses, notApplicable: [...notApplicable.values()] });
  }
  return merged;
}
