// The in-page runner on small specs written for these tests: what vitest features it supports, how
// it reports failures (with the spec's own line numbers), and what it refuses.
import { describe, expect, it } from "vitest";
import { formatRowName } from "../src/lib/shim/format-name.js";
import { type ModuleTable, resolveRelative, runSpec, specPosition } from "../src/lib/shim/spec-runner.js";

const modules: ModuleTable = {
  packages: { "@pymem/core": { answer: 42 } },
  files: { "claims/C99-x/helper": { twice: (n: number) => 2 * n, default: "the default export" } },
};
const run = (source: string) => runSpec({ path: "claims/C99-x/C99.spec.ts", source }, modules);
const names = (r: Awaited<ReturnType<typeof run>>) => r.tests.map((t) => `${t.status} ${t.path.join(" > ")}`);

describe("runSpec", () => {
  it("runs describe/it/test with TypeScript and imports", async () => {
    const r = await run(
      [
        'import { describe, it, test, expect } from "vitest";',
        'import { answer } from "@pymem/core";',
        'import label, { twice } from "./helper.js";',
        "const n: number = twice(answer);",
        'describe("outer", () => {',
        '  it("adds", () => { expect(n).toBe(84); });',
        '  test("default import", () => { expect(label).toBe("the default export"); });',
        "});",
      ].join("\n"),
    );
    expect(r.loadError).toBeUndefined();
    expect(names(r)).toEqual(["pass outer > adds", "pass outer > default import"]);
  });

  it("says when each test that runs starts, in order, and not for skipped ones", async () => {
    const started: string[] = [];
    const r = await runSpec(
      {
        path: "claims/C99-x/C99.spec.ts",
        source: [
          'import { describe, it } from "vitest";',
          'describe("outer", () => {',
          '  it("first", () => {});',
          '  it.skip("skipped", () => {});',
          '  describe("inner", () => { it("second", () => {}); });',
          "});",
        ].join("\n"),
      },
      modules,
      { onTestStart: (path) => started.push(path.join(" > ")) },
    );
    expect(names(r)).toEqual(["pass outer > first", "skip outer > skipped", "pass outer > inner > second"]);
    expect(started).toEqual(["outer > first", "outer > inner > second"]);
  });

  it("reports a failing expectation with vitest's message and the spec's line", async () => {
    const r = await run(
      ['import { it, expect } from "vitest";', "", 'it("x", () => {', "  expect(1 + 1).toBe(3);", "});"].join(
        "\n",
      ),
    );
    const t = r.tests[0];
    expect(t?.status).toBe("fail");
    expect(t?.error?.message).toBe("expected 2 to be 3 // Object.is equality");
    expect(t?.error && specPosition(t.error, "claims/C99-x/C99.spec.ts")?.line).toBe(4);
  });

  it("names .each rows printf-style and spreads them; .for passes the row whole", async () => {
    const r = await run(
      [
        'import { it, describe, expect } from "vitest";',
        'it.each([[1, 2, 3], [2, 2, 4]])("%i + %i is %i (#%#)", (a, b, sum) => { expect(a + b).toBe(sum); });',
        'it.for([{ a: 1, b: "x" }])("$a and $b", (row, ctx) => { expect(row.a).toBe(1); expect(ctx.task.name).toBe("1 and x"); });',
        'describe.each(["p", "q"])("suite %s", (s) => { it("has it", () => { expect(typeof s).toBe("string"); }); });',
      ].join("\n"),
    );
    expect(names(r)).toEqual([
      "pass 1 + 2 is 3 (#0)",
      "pass 2 + 2 is 4 (#1)",
      "pass 1 and x",
      "pass suite p > has it",
      "pass suite q > has it",
    ]);
    expect(formatRowName("%s|%d|%j|%%", ["s", 7, { k: 1 }], 0)).toBe('s|7|{"k":1}|%');
  });

  it("honours skip, only, todo, skipIf and runIf", async () => {
    const r = await run(
      [
        'import { it, describe } from "vitest";',
        'it.skip("a", () => { throw new Error("ran"); });',
        'it.todo("b");',
        'it.skipIf(true)("c", () => { throw new Error("ran"); });',
        'it.runIf(false)("d", () => { throw new Error("ran"); });',
        'describe.skip("e", () => { it("f", () => { throw new Error("ran"); }); });',
        'it("g", (ctx) => { ctx.skip(); throw new Error("ran"); });',
      ].join("\n"),
    );
    expect(names(r)).toEqual(["skip a", "todo b", "skip c", "skip d", "skip e > f", "skip g"]);
    const only = await run(
      [
        'import { it, describe } from "vitest";',
        'it("x", () => {});',
        'describe("s", () => { it.only("y", () => {}); it("z", () => {}); });',
      ].join("\n"),
    );
    expect(names(only)).toEqual(["skip x", "pass s > y", "skip s > z"]);
  });

  it("runs hooks in order, awaits async tests and checks expect.assertions", async () => {
    const r = await run(
      [
        'import { it, describe, expect, beforeAll, beforeEach, afterEach, afterAll } from "vitest";',
        "const log: string[] = [];",
        'describe("s", () => {',
        '  beforeAll(() => { log.push("all"); });',
        '  beforeEach(() => { log.push("each"); });',
        '  afterEach(() => { log.push("after"); });',
        '  afterAll(() => { console.log(log.join(",")); });',
        '  it("waits", async () => { await new Promise((r) => setTimeout(r, 5)); expect(log).toEqual(["all", "each"]); });',
        '  it("counts", () => { expect.assertions(2); expect(1).toBe(1); });',
        "});",
      ].join("\n"),
    );
    expect(names(r)).toEqual(["pass s > waits", "fail s > counts"]);
    expect(r.tests[1]?.error?.message).toBe("expected number of assertions to be 2, but got 1");
    expect(r.console).toEqual([{ level: "log", text: "all,each,after,each,after" }]);
  });

  it("reports syntax errors with their position and runs nothing", async () => {
    const r = await run('import { it } from "vitest";\nit("x", () => {});\nconst n: number = ;\n');
    expect(r.tests).toEqual([]);
    expect(r.loadError?.name).toBe("SyntaxError");
    expect(r.loadError && specPosition(r.loadError, "x")).toEqual({ line: 3, column: 19 });
  });

  it("reports errors thrown while loading and modules it does not have", async () => {
    const thrown = await run('import { it } from "vitest";\n\nthrow new RangeError("at load");\n');
    expect(thrown.loadError?.message).toBe("at load");
    expect(thrown.loadError && specPosition(thrown.loadError, "claims/C99-x/C99.spec.ts")?.line).toBe(3);
    const missing = await run('import { readFileSync } from "node:fs";\nreadFileSync("x");\n');
    expect(missing.loadError?.message).toMatch(/Cannot find module 'node:fs'/);
    const mocked = await run('import { it, vi } from "vitest";\nit("m", () => { vi.fn(); });\n');
    expect(mocked.tests[0]?.error?.message).toMatch(/vi\.fn is not available/);
  });

  it("resolves relative specifiers against the spec's folder", () => {
    expect(resolveRelative("claims/C08-a/C08.spec.ts", "./claim.js")).toBe("claims/C08-a/claim");
    expect(resolveRelative("claims/C08-a/C08.spec.ts", "../../src/claim.js")).toBe("src/claim");
    expect(resolveRelative("claims/C08-a/C08.spec.ts", "vitest")).toBeUndefined();
  });
});
