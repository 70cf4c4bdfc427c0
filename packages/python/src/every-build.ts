/*
 * One program on every build the model has a profile for, and its outputs grouped: what
 * `pymem run --python all` prints as a table and the site's playground draws as a version strip.
 * Browser-safe.
 */
import { type AllocatorProfile, PROFILES, releaseNumber } from "@pymem/core";
import type { RunOptions, RunResult } from "./api.js";
import { PythonModelError } from "./errors.js";
import { runPython } from "./run.js";

/** One build to run on: the profile the model uses, and what runPython is given for it. */
export interface ModelBuild {
  /** The allocator profile's id: "3.11", "3.6-pyenv", "3.12-32bit", "3.14-debug". */
  readonly profile: string;
  /** The version as given ("3.11.4"), or the profile's release ("3.6", "3.7.3") for a profile's build. */
  readonly version: string;
  readonly pointerSize: 4 | 8;
  /** What runPython's `version` is: the version given, or the profile id without its "-32bit". */
  readonly runAs: string;
  /** A Py_DEBUG build: `profile` is then a debug profile ("3.14-debug"). */
  readonly debugBuild: boolean;
  /** sys.platform, when not "linux": "emscripten" for a Pyodide build. */
  readonly platform?: string;
}

/** The build of one of the core's profiles. */
export function buildOfProfile(p: AllocatorProfile): ModelBuild {
  const runAs = p.id.replace(/-32bit$/, "");
  return {
    profile: p.id,
    version: releaseNumber(runAs),
    pointerSize: p.pointerSize,
    runAs,
    debugBuild: false,
  };
}

/**
 * A Pyodide build of Python `python` ("3.12.7", "3.15.0rc1"): wasm32, so 32-bit, with 8-byte integers 8-aligned,
 * run as Pyodide runs a program (runPython's platform "emscripten").
 */
export function pyodideBuild(python: string): ModelBuild {
  // a pre-release ("3.15.0rc1") runs as its release number: the model knows versions, not releases
  const release = /^\d+\.\d+(\.\d+)?/.exec(python)?.[0] ?? python;
  const minor = release.split(".").slice(0, 2).join(".");
  return {
    profile: `${minor}-32bit`,
    version: python,
    pointerSize: 4,
    runAs: release,
    debugBuild: false,
    platform: "emscripten",
  };
}

/** Every build the core has a profile for, in its order: 64-bit ones, then 32-bit ones. */
export function everyBuild(): ModelBuild[] {
  return PROFILES.map(buildOfProfile);
}

/**
 * One build's answer: its result; or why the model refused to run the program there (a syntax
 * error, a construct not modelled, a runaway); or the error the model failed with (a bug in pymem,
 * not in the program).
 */
export type BuildOutcome =
  | { readonly build: ModelBuild; readonly result: RunResult }
  | { readonly build: ModelBuild; readonly refused: PythonModelError }
  | { readonly build: ModelBuild; readonly failed: Error };

/** Runs `source` on `build`; never throws for what the program does. */
export function runOnBuild(
  source: string,
  build: ModelBuild,
  options: Omit<RunOptions, "version" | "pointerSize" | "debugBuild" | "allocatorProfile"> = {},
): BuildOutcome {
  try {
    return {
      build,
      result: runPython(source, {
        ...options,
        version: build.runAs,
        pointerSize: build.pointerSize,
        debugBuild: build.debugBuild,
        ...(build.platform === undefined ? {} : { platform: build.platform }),
      }),
    };
  } catch (e) {
    if (e instanceof PythonModelError) return { build, refused: e };
    if (e instanceof Error) return { build, failed: e };
    throw e;
  }
}

/** The first line of a message. */
export function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/** What a build's answer is, as one comparable key: equal keys print alike. */
function outcomeKey(o: BuildOutcome): string {
  if ("result" in o) return JSON.stringify(["ran", o.result.stdout, o.result.stderr, o.result.exitCode]);
  if ("refused" in o) return JSON.stringify(["refused", o.refused.name, firstLine(o.refused.message)]);
  return JSON.stringify(["failed", o.failed.name, firstLine(o.failed.message)]);
}

/** Outcomes grouped by what they print, in the order each group first appears. */
export function groupByOutput(outcomes: readonly BuildOutcome[]): BuildOutcome[][] {
  const groups = new Map<string, BuildOutcome[]>();
  for (const o of outcomes) {
    const key = outcomeKey(o);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()];
}

/** How buildsText names pointer sizes: English by default; the site passes Chinese. */
export interface BuildWords {
  /** "64-bit and 32-bit", "32-bit debug": the sizes of a range of builds, widest first. */
  readonly sizes: (bits: readonly (64 | 32)[], debug: boolean) => string;
}

export const ENGLISH_BUILD_WORDS: BuildWords = {
  sizes: (bits, debug) => `${bits.map((b) => `${b}-bit`).join(" and ")}${debug ? " debug" : ""}`,
};

/**
 * The builds of one output, as ranges in the core's profile order, 64-bit then 32-bit:
 * "2.7, 3.6–3.10 (64-bit and 32-bit)", "3.11–3.15 (64-bit); 3.12 (32-bit)"; debug builds are named as
 * such: "3.14, 3.15 (64-bit debug)".
 */
export function buildsText(
  builds: readonly Pick<ModelBuild, "profile" | "pointerSize" | "debugBuild">[],
  words: BuildWords = ENGLISH_BUILD_WORDS,
): string {
  const releaseId = (id: string) => id.replace("-debug", "");
  const debug = builds.length > 0 && builds.every((b) => b.debugBuild);
  const bySize = ([8, 4] as const)
    .map((size) => {
      const order = PROFILES.filter((p) => p.pointerSize === size).map((p) => p.id);
      const mine = new Set(builds.filter((b) => b.pointerSize === size).map((b) => releaseId(b.profile)));
      const bits = size === 8 ? 64 : 32;
      return { bits, text: ranges(order.map((id) => (mine.has(id) ? id.replace(/-32bit$/, "") : null))) };
    })
    .filter((s) => s.text !== "");
  if (bySize.length === 2 && bySize[0]?.text === bySize[1]?.text)
    return `${bySize[0]?.text} (${words.sizes([64, 32], debug)})`;
  return bySize.map((s) => `${s.text} (${words.sizes([s.bits as 64 | 32], debug)})`).join("; ");
}

/** Runs of three or more neighbours in the order become "first–last"; null marks a build not in it. */
function ranges(order: readonly (string | null)[]): string {
  const parts: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 3) parts.push(`${run[0]}–${run.at(-1)}`);
    else parts.push(...run);
    run = [];
  };
  for (const id of order) {
    if (id === null) close();
    else run.push(id);
  }
  close();
  return parts.join(", ");
}
