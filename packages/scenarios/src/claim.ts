/*
 * What a claim is. Each claim of the article is one folder under claims/ (src/layout.ts has the
 * layout); its claim.ts default-exports `defineClaim({...})`, and the generated index (src/generated/,
 * from the folders) adds the folder it was found in. docs/contributing.md has the checklist for adding one.
 */
import { type AllocatorProfile, PROFILES, profileForVersion } from "@pymem/core";
import { claimIdOfFolder } from "./layout.js";
import type { Section } from "./sections.js";
import type { Tag } from "./tags.js";
import { witnessOnModel } from "./witness-model.js";

/** One sentence in both of the site's languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * holds: true as stated. partly: true with a caveat that matters. wrong: never true.
 * outdated: true for older CPython releases than the ones this verdict covers.
 * Applied to the claim as a whole, its stated cause included: a wrong cause (C06, C07, C16) or a "never"
 * an ordinary program breaks (X01) is wrong; partly is true of the case stated but not of others a reader
 * meets (a function scope, a cached object). The site's home page says the same to readers.
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
  /** "C01", "C02", … for the article's claims; "X01", … for scenarios beyond the article. */
  readonly id: string;
  /** The article's section, e.g. "§3"; for X scenarios, the section they extend (it picks the site's page). */
  readonly section: Section;
  /**
   * The paragraph of the section where the article makes the claim, from 1 (src/article.ts says how
   * paragraphs are counted). X scenarios are not in the article and have none.
   */
  readonly paragraph?: number;
  /** The folder under claims/ the claim lives in, e.g. "C08-list-refcount" (added by the generated index). */
  readonly folder: string;
  readonly title: Bilingual;
  /** The claim restated in our own words (never the article's sentences). */
  readonly claim: Bilingual;
  readonly verdicts: readonly Verdict[];
  readonly refs: readonly CpythonRef[];
  readonly tags: readonly Tag[];
  /**
   * The output witness.py prints on the interpreter `target` describes, as predicted by the model. A
   * claim with `modelRunsWitness` gets it from the generated index: its witness run by @pymem/python.
   */
  readonly predictWitness?: (target: WitnessTarget) => string;
  /**
   * The model runs witness.py itself (src/witness-model.ts): the prediction is its output, and the
   * spec judges that same run. Claims whose witness the model refuses predict with a model.ts instead.
   */
  readonly modelRunsWitness?: boolean;
  /**
   * Figures a reason quotes that no model can predict (they depend on what start-up left behind), each
   * with the script that prints them; test/quoted-runs.test.ts runs every script on the interpreters named.
   */
  readonly quotedRuns?: readonly QuotedRun[];
}

/** A short script and what it printed on real interpreters, as a reason quotes it. */
export interface QuotedRun {
  readonly script: string;
  /** The script's stdout, trimmed, by interpreter name as recordings name them ("2.7.18", "3.10.2-pyodide"). */
  readonly prints: { readonly [interpreter: string]: string };
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
  /** A Py_DEBUG build (`profile` then has the debug hooks' bytes: @pymem/core withDebugHooks). */
  readonly debugBuild?: boolean;
}

/** X01, X02, …: a scenario beyond the article (a common belief the article does not state). */
export function isBeyondArticle(claim: Pick<Claim, "id">): boolean {
  return claim.id.startsWith("X");
}

/** What a claim.ts states: everything but the folder, which the folder itself says. */
export type ClaimDefinition = Omit<Claim, "folder">;

/** Identity function that gives claim files their type. */
export function defineClaim(claim: ClaimDefinition): ClaimDefinition {
  return claim;
}

/** The claim defined in claims/`folder`/claim.ts; throws when the folder's name is another claim's id. */
export function claimInFolder(claim: ClaimDefinition, folder: string): Claim {
  const id = claimIdOfFolder(folder);
  if (id !== claim.id)
    throw new Error(`claims/${folder}/claim.ts defines ${claim.id}; the folder says ${id}`);
  if (!claim.modelRunsWitness) return { ...claim, folder };
  if (claim.predictWitness)
    throw new Error(`claims/${folder}/claim.ts: modelRunsWitness and predictWitness both predict; keep one`);
  return { ...claim, folder, predictWitness: (target) => witnessOnModel(id, target).stdout };
}

/** The verdict a claim states for one profile, or undefined when no verdict covers it. */
export function verdictFor(claim: Pick<Claim, "verdicts">, profileId: string): Verdict | undefined {
  return claim.verdicts.find((v) => v.profiles.includes(profileId));
}

/** A profile's CPython version as "major.minor", e.g. "3.14" (the form python() and the verdicts use). */
export function minorVersion(p: Pick<AllocatorProfile, "python">): string {
  return `${p.python[0]}.${p.python[1]}`;
}

/**
 * Which builds a verdict covers, said by what they are rather than by spelling profile ids: a version
 * range, a pointer size, a property of the build. Every field narrows; an empty query is every profile.
 */
export interface ProfileQuery {
  /** The first "major.minor" covered, e.g. "3.9". */
  readonly from?: string;
  /** The first "major.minor" not covered, e.g. "3.14" (so `before: "3.0"` is 2.7). */
  readonly before?: string;
  /** Exactly these "major.minor" versions, each one the profiles cover. */
  readonly versions?: readonly string[];
  readonly pointerSize?: 4 | 8;
  /** A property of the build, e.g. `(p) => p.arenaSize === 1048576` (64-bit 3.10+, USE_LARGE_ARENAS). */
  readonly where?: (p: AllocatorProfile) => boolean;
}

const versionKey = (version: string, field: string): number => {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`ProfileQuery.${field}: "${version}" is not a "major.minor" version`);
  return Number(m[1]) * 100 + Number(m[2]);
};

/** The ids of the profiles (64- and 32-bit builds) that `query` describes, in table order. */
export function profilesWhere(query: ProfileQuery = {}): string[] {
  const unknown = (query.versions ?? []).filter((v) => !PROFILED_VERSIONS.includes(v));
  if (unknown.length > 0) throw new Error(`ProfileQuery.versions: no profile for ${unknown.join(", ")}`);
  const from = query.from === undefined ? undefined : versionKey(query.from, "from");
  const before = query.before === undefined ? undefined : versionKey(query.before, "before");
  return PROFILES.filter((p) => {
    const key = p.python[0] * 100 + p.python[1];
    return (
      (from === undefined || key >= from) &&
      (before === undefined || key < before) &&
      (query.versions === undefined || query.versions.includes(minorVersion(p))) &&
      (query.pointerSize === undefined || p.pointerSize === query.pointerSize) &&
      (query.where === undefined || query.where(p))
    );
  }).map((p) => p.id);
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
  claim: Pick<Claim, "verdicts">,
  pointerSize: 4 | 8 = 8,
): Record<string, VerdictKind | undefined> {
  return Object.fromEntries(
    PROFILED_VERSIONS.map((v) => [v, verdictFor(claim, profileForVersion(v, pointerSize).id)?.verdict]),
  );
}
