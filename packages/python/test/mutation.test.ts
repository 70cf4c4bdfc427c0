// The differential can fail. With one reference rule of the model deliberately wrong, programs drawn
// by the generator, each run on the real interpreter, find the difference, and fast-check shrinks it
// to a few lines that the correct model answers right. (A fuzzer that never fails proves nothing: this
// is the check that it would.) Needs the native interpreter named; skipped without it, failed in CI.
import { interpreterName } from "@pymem/oracle";
import type { VersionRules } from "@pymem/python";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { findAndShrink } from "./fuzz/shrink.js";
import { disagreesOn } from "./judge.js";
import { judgeInterpreters, minorVersion } from "./native-programs.js";

interface Mutation {
  readonly version: string;
  readonly rules: Partial<VersionRules>;
  readonly what: string;
}

const MUTATIONS: readonly Mutation[] = [
  {
    version: "3.11",
    rules: { argumentsMovedIntoFrame: false },
    what: "3.11 keeps the caller's references to arguments during a call",
  },
];

const SEED = 4242;
/** Programs drawn before giving up: found after 44 when this was written. */
const RUNS = 300;
/** Statements at most between the prelude and the epilogue of the shrunk program. */
const SMALL = 4;

const interpreters = await judgeInterpreters("native");

describe("a wrong rule is caught by the differential", () => {
  it.for(MUTATIONS.map((m) => [m.what, m] as const))("%s", { timeout: 600_000 }, async ([, m], ctx) => {
    const interpreter = interpreters.find((i) => minorVersion(i) === m.version);
    requireOrSkip(ctx, interpreter !== undefined, `no native CPython ${m.version}`);
    if (!interpreter) return;
    const shrunk = await findAndShrink(disagreesOn(interpreter, m.rules), { seed: SEED, numRuns: RUNS });
    expect(
      shrunk,
      `no program of ${RUNS} told the mutated model from ${interpreterName(interpreter)}`,
    ).toBeDefined();
    if (!shrunk) return;
    process.stdout.write(
      `mutation "${m.what}": found after ${shrunk.found} programs, shrunk in ${shrunk.shrinks} steps to\n${shrunk.source}`,
    );
    expect(shrunk.body.length, shrunk.source).toBeLessThanOrEqual(SMALL);
    // The shrunk program tells the rules apart: the model as it is answers it right.
    expect(await disagreesOn(interpreter)(shrunk.source)).toBe(false);
  });
});
