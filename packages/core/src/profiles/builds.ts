/*
 * Which profiles may describe a real CPython build, from what can be asked of the build itself: its
 * version, pointer size and object allocator. The one place this is decided: @pymem/oracle's checks,
 * @pymem/scenarios' witness judging (tests and `pnpm claims`) and the site's agree/differ marks all
 * come here (through @pymem/scenarios' witness-judging.ts for the witnesses).
 */
import { quote, UnknownProfileError } from "../errors.js";
import { withDebugHooks } from "./debug-hooks.js";
import type { AllocatorProfile, PointerSize } from "./profile.js";
import { profile, releaseProfileId, withPointerSize } from "./registry.js";

/** What tells CPython builds apart for the model. @pymem/oracle's Interpreter has these fields. */
export interface BuildFacts {
  /** "3.11.7"; a pre-release tag ("3.15.0rc1") is ignored. */
  readonly version: string;
  readonly pointerSize: PointerSize;
  /** The object allocator: pymalloc, plain malloc (--without-pymalloc, as Pyodide), or mimalloc (free-threaded). */
  readonly allocator: "pymalloc" | "malloc" | "mimalloc";
  /** A Py_DEBUG build, whose debug hooks pad every request (debug-hooks.ts); false when absent. */
  readonly debugBuild?: boolean;
}

/**
 * Builds of a 64-bit line that distributions patch, tried before upstream's: pyenv's 3.6.15 carries
 * bpo-27987 (16-byte alignment). The patch concerns 64-bit alignment only; 32-bit 3.6 is upstream.
 */
const PATCHED_FIRST: Readonly<Record<string, readonly string[]>> = { "3.6": ["3.6-pyenv"] };

/** "3.15.0rc1" → "3.15.0": pre-release tags are not part of what the profiles are keyed by. */
export function releaseNumber(version: string): string {
  return /^\d+\.\d+(\.\d+)?/.exec(version)?.[0] ?? version;
}

/**
 * The profiles that may describe a build's pymalloc, most likely first: usually one; two where the
 * version alone cannot tell (3.6 with or without pyenv's alignment patch). Empty without pymalloc.
 * Unlike profileForVersion, a patch release newer than the version table is not refused: the build
 * exists. A debug build's are the release profiles with the debug hooks (withDebugHooks). Throws
 * UnknownProfileError for a line the model has no profile of, or no debug build of.
 */
export function candidateProfiles(build: BuildFacts): AllocatorProfile[] {
  if (build.allocator !== "pymalloc") return [];
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(build.version);
  if (!m) throw new UnknownProfileError(`${quote(build.version)} is not a CPython version`);
  const id = releaseProfileId(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  const ids = build.pointerSize === 8 ? [...(PATCHED_FIRST[id] ?? []), id] : [withPointerSize(id, 4)];
  const release = ids.map((i) => profile(i));
  return build.debugBuild ? release.map(withDebugHooks) : release;
}
