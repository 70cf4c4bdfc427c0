/*
 * The claim file format. Each claim of the article is one folder under claims/:
 *
 *   claims/C13-small-request-threshold/
 *     claim.ts      metadata (this type) and the model's prediction of the witness output
 *     C13.spec.ts   the spec: vitest describe/it/expect over @pymem/core, deciding the verdict per profile
 *     witness.py    a Python program whose output real interpreters produce, 2.7-compatible
 *
 * docs/contributing.md has the checklist for adding one.
 */
import { type AllocatorProfile, PROFILES, profileForVersion } from "@pymem/core";
import type { Tag } from "./tags.js";

/** One sentence in both of the site's languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * holds: true as stated. partly: true with a caveat that matters. wrong: never true.
 * outdated: true for older CPython releases than the ones this verdict covers.
 */
export type VerdictKind = "holds" | "partly" | "wrong" | "outdated";

export interface Verdict {
  /** Allocator profile ids (see @pymem/core PROFILES) this verdict covers. */
  readonly profiles: readonly string[];
  readonly verdict: VerdictKind;
  /** For "outdated": the first release where the claim stopped holding, e.g. "2.7.7 / 3.3". */
  readonly since?: string;
  readonly reason: Bilingual;
}

/** A place in CPython's sources that decides the claim. */
export interface CpythonRef {
  /** e.g. "Objects/obmalloc.c" */
  readonly file: string;
  /** function, macro or struct, e.g. "SMALL_REQUEST_THRESHOLD" */
  readonly symbol: string;
  /** e.g. "2.7.7+, 3.3+" */
  readonly versions: string;
}

export interface Claim {
  /** "C01" … "C17" for the article's claims; "X01" … for scenarios beyond the article. */
  readonly id: string;
  /** The article's section, e.g. "§3"; for X scenarios, the section they extend (it picks the site's page). */
  readonly section: string;
  readonly title: Bilingual;
  /** The claim restated in our own words (never the article's sentences). */
  readonly claim: Bilingual;
  readonly verdicts: readonly Verdict[];
  readonly refs: readonly CpythonRef[];
  readonly tags: readonly Tag[];
  /** The output witness.py prints on the interpreter `target` describes, as predicted by the model. */
  readonly predictWitness?: (target: WitnessTarget) => string;
}

/** The interpreter a witness prediction is for. */
export interface WitnessTarget {
  /** The allocator profile of the build (one of the candidates when a version has several builds). */
  readonly profile: AllocatorProfile;
  /** The interpreter's full version, e.g. "3.12.7"; object-layer changes can come in micro releases. */
  readonly version: string;
  readonly pointerSize: 4 | 8;
  /**
   * Whether the build has pymalloc. Every native build the project profiles has it; Pyodide (wasm32)
   * is built --without-pymalloc, so `profile` there only stands for its version's object layout.
   */
  readonly hasPymalloc: boolean;
}

/** X01, X02, …: a scenario beyond the article (a common belief the article does not state). */
export function isBeyondArticle(claim: Pick<Claim, "id">): boolean {
  return claim.id.startsWith("X");
}

/** Identity function that gives claim files their type. */
export function defineClaim(claim: Claim): Claim {
  return claim;
}

/** The verdict a claim states for one profile, or undefined when no verdict covers it. */
export function verdictFor(claim: Claim, profileId: string): Verdict | undefined {
  return claim.verdicts.find((v) => v.profiles.includes(profileId));
}

/** A profile's CPython version as "major.minor", e.g. "3.14" (the form python() and the verdicts use). */
export function minorVersion(p: Pick<AllocatorProfile, "python">): string {
  return `${p.python[0]}.${p.python[1]}`;
}

/** The ids of the profiles (64- and 32-bit builds) whose "major.minor" version is one of `versions`. */
export function profileIdsOf(...versions: string[]): string[] {
  return PROFILES.filter((p) => versions.includes(minorVersion(p))).map((p) => p.id);
}

/** The ids of the profiles for major.minor and later (`from`), or for the versions before it (`before`). */
export function profileIdsSplitAt(major: number, minor: number): { before: string[]; from: string[] } {
  const isFrom = (p: AllocatorProfile) =>
    p.python[0] > major || (p.python[0] === major && p.python[1] >= minor);
  return {
    before: PROFILES.filter((p) => !isFrom(p)).map((p) => p.id),
    from: PROFILES.filter(isFrom).map((p) => p.id),
  };
}

/** The CPython versions ("2.7", "3.6", … "3.15") the profiles cover, oldest first. */
export const PROFILED_VERSIONS: readonly string[] = [...new Set(PROFILES.map(minorVersion))].sort((a, b) => {
  const [am, an] = a.split(".").map(Number) as [number, number];
  const [bm, bn] = b.split(".").map(Number) as [number, number];
  return am - bm || an - bn;
});

/**
 * A claim's verdict per CPython version, read off each version's default build for the pointer size
 * (64-bit unless asked; upstream 3.6, 3.7.4+); the other builds (pyenv 3.6, 3.7.0–3.7.3) are in the
 * per-profile verdicts.
 */
export function verdictByVersion(
  claim: Claim,
  pointerSize: 4 | 8 = 8,
): Record<string, VerdictKind | undefined> {
  return Object.fromEntries(
    PROFILED_VERSIONS.map((v) => [v, verdictFor(claim, profileForVersion(v, pointerSize).id)?.verdict]),
  );
}
