// The program generator on its own (no interpreter): deterministic by seed, features switch
// statements off, every program has its prelude and epilogue, and a failure shrinks to a few lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALL_FEATURES,
  enabledStatements,
  type Feature,
  programArbitrary,
  renderProgram,
  samplePrograms,
} from "./program-arbitrary.js";
import { STATEMENTS } from "./statements.js";

describe("the program generator", () => {
  it("draws the same programs for the same seed, and others for another seed", () => {
    const text = (seed: number) => samplePrograms(seed, 20).map(renderProgram);
    expect(text(7)).toEqual(text(7));
    expect(text(7)).not.toEqual(text(8));
  });

  it("writes the prelude first and deletes every name it bound at the end", () => {
    for (const program of samplePrograms(1, 100)) {
      const lines = renderProgram(program).trimEnd().split("\n");
      expect(lines.slice(0, 5)).toEqual([
        "from __future__ import print_function",
        "import sys",
        "import gc",
        "gc.disable()",
        "gc.collect()",
      ]);
      const bound = new Set<string>();
      for (const line of [...program.body, ...program.epilogue]) {
        const del = /^del (v\d)$/.exec(line);
        const bind = /^(v\d) = /.exec(line);
        if (del) bound.delete(del[1] as string);
        else if (bind) bound.add(bind[1] as string);
      }
      expect([...bound]).toEqual([]);
      expect(lines.at(-1)).toBe("print(gc.collect())");
    }
  });

  it("uses only the features switched on, and defines only what it uses", () => {
    const off = new Set<Feature>(["finalizer", "call", "attr"]);
    const features = ALL_FEATURES.filter((f) => !off.has(f));
    for (const program of samplePrograms(2, 100, { features })) {
      const text = renderProgram(program);
      expect(text).not.toMatch(/D0|keep\(|drop\(|print\(count\(|\.a\d/);
      expect(program.uses.filter((f) => off.has(f))).toEqual([]);
    }
    expect(enabledStatements(["list"]).every((s) => s.needs.every((f) => f === "list"))).toBe(true);
  });

  it("tags every statement with known features and gives every feature a statement", () => {
    const used = new Set(STATEMENTS.flatMap((s) => s.needs));
    expect([...used].sort()).toEqual([...ALL_FEATURES].sort());
  });

  it("shrinks a failure to a short program", () => {
    // A stand-in for a model that gets `is` wrong: the counterexample keeps only what `is` needs.
    const run = fc.check(
      fc.property(programArbitrary(), (p) => !p.body.some((l) => l.includes(" is "))),
      { seed: 3, numRuns: 500 },
    );
    expect(run.failed).toBe(true);
    const shrunk = run.counterexample?.[0];
    // Two names bound and the print; fast-check's array shrinking may leave one line after it.
    expect(shrunk?.body.length).toBeLessThanOrEqual(4);
    expect(shrunk?.body.filter((l) => / is /.test(l))).toHaveLength(1);
  });
});
