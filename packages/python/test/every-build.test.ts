// One program on every build, grouped by output: what `pymem run --python all` and the site's version
// strip show.
import { allocatedBlocks, PROFILES, profile, withDebugHooks } from "@pymem/core";
import { describe, expect, it } from "vitest";
import {
  buildOfProfile,
  buildsText,
  everyBuild,
  groupByOutput,
  pyodideBuild,
  runOnBuild,
} from "../src/index.js";

const build = (id: string) => buildOfProfile(profile(id));

describe("every build", () => {
  it("is every core profile once, in the core's order", () => {
    expect(everyBuild().map((b) => b.profile)).toEqual(PROFILES.map((p) => p.id));
  });

  it("names builds as ranges, 64-bit before 32-bit, sizes merged when alike", () => {
    expect(buildsText(everyBuild())).toBe("2.7–3.15 (64-bit and 32-bit)");
    expect(buildsText(["3.11", "3.12", "3.13", "3.12-32bit"].map(build))).toBe(
      "3.11–3.13 (64-bit); 3.12 (32-bit)",
    );
    expect(buildsText(["2.7", "3.6"].map(build))).toBe("2.7, 3.6 (64-bit)");
  });

  it("names debug builds as debug builds (their profiles are not in the core's list)", () => {
    const debug = ["3.14", "3.15", "3.14-32bit", "3.15-32bit"].map((id) => ({
      ...build(id),
      profile: withDebugHooks(profile(id)).id,
      debugBuild: true,
    }));
    expect(buildsText(debug)).toBe("3.14, 3.15 (64-bit and 32-bit debug)");
  });

  it("groups builds by what they print, a refusal by its message", () => {
    const count = "import sys\nx = []\nprint(sys.getrefcount(x))\n";
    const groups = groupByOutput(everyBuild().map((b) => runOnBuild(count, b)));
    expect(groups).toHaveLength(1);
    const refused = groupByOutput(
      ["3.11", "3.12"].map((id) => runOnBuild("async def f():\n    pass\n", build(id))),
    );
    expect(refused).toHaveLength(1);
    expect("refused" in (refused[0]?.[0] ?? {})).toBe(true);
    // two local names on one list: 3 up to 3.13; 3.14 passes a local borrowed: 2
    const held = "import sys\ndef f():\n    a = []\n    b = a\n    return sys.getrefcount(a)\nprint(f())\n";
    const split = groupByOutput(["3.13", "3.14"].map((id) => runOnBuild(held, build(id))));
    expect(split.map((g) => g.map((o) => o.build.profile))).toEqual([["3.13"], ["3.14"]]);
  });

  it("runs a program as a Pyodide build does: wasm32, sys.platform emscripten", () => {
    const program = "import sys\nprint(sys.platform, sys.getsizeof(1.5), sys.getsizeof(2**40))\n";
    const pyodide = runOnBuild(program, pyodideBuild("3.12.7"));
    const i386 = runOnBuild(program, build("3.12-32bit"));
    expect(pyodide.build.profile).toBe("3.12-32bit");
    expect("result" in pyodide && pyodide.result.stdout).toBe("emscripten 16 20\n");
    expect("result" in i386 && i386.result.stdout).toBe("linux 16 20\n");
  });

  it("runs a pre-release Pyodide build (3.15.0rc1) as its release", () => {
    const outcome = runOnBuild("import sys\nprint(sys.platform)\n", pyodideBuild("3.15.0rc1"));
    expect(outcome.build).toMatchObject({ profile: "3.15-32bit", version: "3.15.0rc1", runAs: "3.15.0" });
    expect("result" in outcome && outcome.result.stdout).toBe("emscripten\n");
  });
});

describe("a trace", () => {
  const program = "a = [1, 2]\nb = a\nd = {'k': a}\ndel b\nfor i in range(100):\n    x = i\n";

  it("describes every id a name or an object holds, and what each object refers to", () => {
    const outcome = runOnBuild(program, build("3.12"), { trace: true });
    if (!("result" in outcome)) throw new Error("the model did not run the program");
    const steps = outcome.result.steps ?? [];
    expect(steps.length).toBeGreaterThan(4);
    for (const step of steps) {
      const known = new Set([...step.objects, ...step.shared].map((o) => o.id));
      for (const id of Object.values(step.names)) expect(known.has(id)).toBe(true);
      for (const o of step.objects) for (const r of o.refs) expect(known.has(r)).toBe(true);
    }
    const third = steps[2];
    const dict = third?.objects.find((o) => o.type === "dict");
    const list = third?.objects.find((o) => o.type === "list");
    expect(dict?.refs).toContain(list?.id);
    expect(list?.refcnt).toBe(3);
    expect(third?.shared.find((o) => o.repr === "1")?.lifetime).toBe("immortal");
  });

  it("keeps at most traceLimit steps and says it left some out", () => {
    const outcome = runOnBuild(program, build("3.12"), { trace: true, traceLimit: 10 });
    if (!("result" in outcome)) throw new Error("the model did not run the program");
    expect(outcome.result.steps).toHaveLength(10);
    expect(outcome.result.traceCut).toBe(true);
  });

  it("shares what a step has in common with the steps before it", () => {
    const loop = "t = 0\nfor i in range(3000):\n    t = t + 1\nprint(t)\n";
    const outcome = runOnBuild(loop, build("3.12"), { trace: true });
    if (!("result" in outcome)) throw new Error("the model did not run the program");
    const steps = outcome.result.steps ?? [];
    expect(steps.length).toBeGreaterThan(3000);
    // the names' table changes with i and t; the range iterator's snapshot does not
    const iterators = new Set(
      steps.slice(10, 3000).map((s) => s.objects.find((o) => o.type.includes("iterator"))),
    );
    expect(iterators.size).toBe(1);
    expect([...iterators][0]).toBeDefined();
    expect(steps[20]?.shared.find((o) => o.repr === "1")).toBe(steps[21]?.shared.find((o) => o.repr === "1"));
    // and a snapshot that changed is a new one
    expect(steps[20]?.names).not.toEqual(steps[21]?.names);
    expect(steps[2]?.freeLists).toBe(steps[3]?.freeLists);
  });

  it("shows the allocator after each statement, numbered as the steps, traced or not", () => {
    const seen: [number, number][] = [];
    const traced = runOnBuild(program, build("3.12"), {
      trace: true,
      afterStatement: (k, pm) => seen.push([k, allocatedBlocks(pm)]),
    });
    if (!("result" in traced)) throw new Error("the model did not run the program");
    const steps = traced.result.steps ?? [];
    expect(seen.map(([k]) => k)).toEqual(steps.map((_, k) => k));
    expect(seen.map(([, blocks]) => blocks)).toEqual(steps.map((s) => s.allocatedBlocks));
    const untraced: number[] = [];
    runOnBuild(program, build("3.12"), { afterStatement: (_, pm) => untraced.push(allocatedBlocks(pm)) });
    expect(untraced).toEqual(seen.map(([, blocks]) => blocks));
  });
});
