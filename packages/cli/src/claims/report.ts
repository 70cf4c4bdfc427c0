// The claim report: what `pnpm claims` found, in the shape of its --json output. Renderers (text
// table, Markdown, JUnit, badge) read this and nothing else, so they are pure and unit-tested.
import {
  type Claim,
  PROFILED_VERSIONS,
  type VerdictKind,
  verdictByVersion,
  verdictFor,
} from "@pymem/scenarios";
import type { WitnessCheck } from "@pymem/scenarios/node";

export interface SpecFailure {
  readonly name: string;
  readonly message: string;
}

/** One claim's spec file, as vitest ran it. */
export interface SpecSummary {
  /** Every spec test by its full name (describe and it titles). */
  readonly tests: readonly { name: string; status: "passed" | "failed" | "skipped" }[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly SpecFailure[];
}

export interface NotApplicable {
  readonly interpreter: string;
  readonly reason: string;
}

export interface ClaimResult {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly verdict_by_version: Readonly<Record<string, VerdictKind | null>>;
  /** The same for each version's 32-bit build (Pyodide is one), where claims about sizes can differ. */
  readonly verdict_by_version_32bit: Readonly<Record<string, VerdictKind | null>>;
  /** Every modelled build (profile id) with its verdict; `since` for outdated ones. */
  readonly verdict_by_profile: Readonly<Record<string, { verdict: VerdictKind; since?: string }>>;
  readonly specs: SpecSummary;
  /** One entry per interpreter the claim applies to. */
  readonly witnesses: readonly WitnessCheck[];
  /** Interpreters found but not applicable to this claim, with the reason. */
  readonly not_applicable: readonly NotApplicable[];
}

export interface Totals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ClaimsReport {
  readonly claims: readonly ClaimResult[];
  /** The CPython versions of the table's columns. */
  readonly versions: readonly string[];
  /** Spec tests plus witness checks. */
  readonly totals: Totals;
  /** True when every check passed (skipped ones do not count, except under CI, where they fail). */
  readonly ok: boolean;
}

export function claimResult(
  claim: Claim,
  specs: SpecSummary,
  witnesses: readonly WitnessCheck[],
  notApplicable: readonly NotApplicable[],
): ClaimResult {
  const byVersion = verdictByVersion(claim);
  const byVersion32 = verdictByVersion(claim, 4);
  const byProfile: Record<string, { verdict: VerdictKind; since?: string }> = {};
  for (const v of claim.verdicts) {
    for (const id of v.profiles)
      byProfile[id] = v.since ? { verdict: v.verdict, since: v.since } : { verdict: v.verdict };
  }
  return {
    id: claim.id,
    section: claim.section,
    title: claim.title.en,
    verdict_by_version: Object.fromEntries(PROFILED_VERSIONS.map((v) => [v, byVersion[v] ?? null])),
    verdict_by_version_32bit: Object.fromEntries(PROFILED_VERSIONS.map((v) => [v, byVersion32[v] ?? null])),
    verdict_by_profile: byProfile,
    specs,
    witnesses,
    not_applicable: notApplicable,
  };
}

export function buildReport(claims: readonly ClaimResult[], skippedFails: boolean): ClaimsReport {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const c of claims) {
    passed += c.specs.passed;
    failed += c.specs.failed;
    skipped += c.specs.skipped;
    for (const w of c.witnesses) {
      if (w.status === "pass") passed++;
      else if (w.status === "fail") failed++;
      else skipped++;
    }
  }
  const ok = failed === 0 && !(skippedFails && skipped > 0);
  return { claims, versions: PROFILED_VERSIONS, totals: { passed, failed, skipped }, ok };
}

/** "outdated since 2.7.7 / 3.3" style text of a claim's verdict on a profile. */
export function verdictText(claim: Claim, profileId: string): string {
  const v = verdictFor(claim, profileId);
  if (!v) return "no verdict";
  return v.since ? `${v.verdict} since ${v.since}` : v.verdict;
}

/** The version column an interpreter's result belongs to ("3.11.7" and "3.11.3-pyodide" → "3.11"). */
export function versionColumn(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}
