// Model against real pymalloc: the same traces replayed on the model and on the native harness
// (native/harness.c, linked against each interpreter's libpython) must print the same lines,
// statistics text included. PYMEM_LONG=1 runs ten times as many traces.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatTrace } from "@pymem/core";
import { traceArbitrary } from "@pymem/core/trace-arbitrary";
import { requireOrSkip } from "@pymem/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  candidateProfileIds,
  type HarnessRun,
  harnessMode,
  harnessTakesAllocatedBlocks,
  harnessUnsupportedReason,
  type Interpreter,
  interpreterName,
  runHarness,
} from "../src/index.js";
import { harnessOrSkip, modelOutput } from "./support/harness.js";
import { missingJudges, nativeAndArchive } from "./support/judges.js";

const TRACES = (process.env.PYMEM_LONG === "1" ? 10 : 1) * 200;
const REGRESSIONS = join(import.meta.dirname, "regressions");
// pyenv's builds and Debian's (archive/: 3.14, 3.15 and the i386 builds; the debug build is left out)
const native = await nativeAndArchive();
const interpreters = native.interpreters.filter((i) => i.allocator === "pymalloc");
const drivable = interpreters.filter((i) => harnessUnsupportedReason(i) === undefined);

const agrees = (id: string, trace: string, misalign: number, run: HarnessRun) =>
  modelOutput(id, trace, misalign, run.startup) === run.output;

/** The first differing line with context, for a readable failure. */
function firstDifference(native: string, modelled: string): string {
  const a = native.split("\n");
  const b = modelled.split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 ? Math.min(a.length, b.length) : i;
  return `first difference at output line ${at + 1}:\n  native: ${a.slice(Math.max(0, at - 2), at + 1).join(" | ")}\n  model:  ${b.slice(Math.max(0, at - 2), at + 1).join(" | ")}`;
}

describe("pymalloc: model against native CPython", () => {
  it("states which interpreters the harness covers", () => {
    const lines = interpreters.map(
      (i) =>
        `${interpreterName(i)}: ${harnessUnsupportedReason(i) ?? `native harness, ${harnessMode(i)}, ${TRACES} traces`}`,
    );
    console.log(`coverage:\n  ${lines.join("\n  ")}`);
    // Everything from 3.4 on is driven; what is left out has a stated reason.
    expect(drivable.every((i) => i.versionInfo[0] === 2 || i.versionInfo[1] >= 4)).toBe(true);
    expect(interpreters.filter((i) => !drivable.includes(i)).every((i) => harnessUnsupportedReason(i))).toBe(
      true,
    );
  });

  it("has interpreters the harness can drive", (ctx) => {
    requireOrSkip(ctx, drivable.length > 0, "no native CPython 2.7.7+ or 3.4+ found");
  });

  it("drives every native interpreter the model is judged on", (ctx) => {
    const missing = missingJudges(drivable);
    requireOrSkip(ctx, missing.length === 0, `no drivable native CPython ${missing.join(", ")}`);
  });

  it("drives every build fetched from Debian's archive but the debug one", (ctx) => {
    requireOrSkip(ctx, native.missing.length === 0, `archive judges missing: ${native.missing.join("; ")}`);
    const undriven = interpreters.filter((i) => !i.debugBuild && !drivable.includes(i));
    expect(undriven.map(interpreterName)).toEqual([]);
  });

  it.for(drivable.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s: regression traces, then random traces, replay identically",
    { timeout: 600_000 },
    ([name, i], ctx) => {
      const harness = harnessOrSkip(i, ctx);
      if (harness === undefined) return;
      const afterStartup = harnessMode(i) === "after-startup";
      // `s` lines stay in every trace: on 2.7, which has no statistics function, both sides print
      // the bare `s` line.
      const native = (trace: string, misalign: number) =>
        runHarness(harness, trace, { arenaMisalign: misalign, afterStartup });
      // Which profile describes this build (3.6 may or may not carry pyenv's alignment patch)?
      const probe = "a 1 9\na 2 9\na 3 600\ns\n";
      const probeRun = native(probe, 0);
      const profileId = candidateProfileIds(i).find((id) => agrees(id, probe, 0, probeRun));
      expect(
        profileId,
        `no profile of ${candidateProfileIds(i)} matches ${name}:\n${probeRun.output}`,
      ).toBeDefined();
      const id = profileId as string;

      for (const file of readdirSync(REGRESSIONS).filter((f) => f.endsWith(".trace"))) {
        const trace = readFileSync(join(REGRESSIONS, file), "utf8");
        for (const misalign of [0, 4096]) {
          const run = native(trace, misalign);
          const m = modelOutput(id, trace, misalign, run.startup);
          expect(m === run.output, `${file} (misalign ${misalign}): ${firstDifference(run.output, m)}`).toBe(
            true,
          );
        }
      }

      const result = fc.check(
        fc.property(
          traceArbitrary({ maxOps: 3000, maxBurst: 2500, allocatedBlocks: harnessTakesAllocatedBlocks(i) }),
          fc.constantFrom(0, 4096),
          (ops, misalign) => {
            const trace = formatTrace(ops);
            return agrees(id, trace, misalign, native(trace, misalign));
          },
        ),
        { numRuns: TRACES },
      );
      if (result.failed && result.counterexample) {
        const [ops, misalign] = result.counterexample;
        const trace = `# shrunk counterexample on ${name} (profile ${id}, misalign ${misalign})\n${formatTrace(ops)}`;
        const file = `${name}-${createHash("sha256").update(trace).digest("hex").slice(0, 10)}.trace`;
        writeFileSync(join(REGRESSIONS, file), trace);
        const run = native(formatTrace(ops), misalign);
        const m = modelOutput(id, formatTrace(ops), misalign, run.startup);
        throw new Error(
          `model and ${name} disagree; saved test/regressions/${file}\n${firstDifference(run.output, m)}`,
        );
      }
      expect(result.numRuns).toBe(TRACES);
    },
  );
});
