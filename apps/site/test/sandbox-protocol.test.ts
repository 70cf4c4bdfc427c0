// The page's check of what the spec runner's worker sends: the worker runs a reader's code, which can
// post anything. Only the known shapes, within the limits, rebuilt from known fields, pass.
import { describe, expect, it } from "vitest";
import { fitOutput, fitRunResult, LIMITS, readRunnerMessage } from "../src/lib/sandbox/protocol.js";

const done = (patch: Record<string, unknown> = {}) => ({
  kind: "done",
  result: {
    tests: [{ path: ["C08", "counts"], status: "pass", durationMs: 1.5 }],
    console: [{ level: "log", text: "hello" }],
    durationMs: 3,
  },
  heaps: [
    {
      testPath: ["C08", "counts"],
      profileId: "3.11",
      arenas: 1,
      map: [{ slot: 0, released: false, pools: [{ szidx: 1, used: 2, touched: true }] }],
    },
  ],
  ...patch,
});

describe("messages from the spec runner", () => {
  it("accepts the runner's own messages, rebuilt field by field", () => {
    expect(readRunnerMessage({ kind: "ready" })).toEqual({ kind: "ready" });
    expect(readRunnerMessage({ kind: "test-started", path: ["a", "b"] })).toEqual({
      kind: "test-started",
      path: ["a", "b"],
    });
    const forged = { ...done(), extra: "<img src=x onerror=alert(1)>" };
    expect(readRunnerMessage(forged)).toEqual(done());
  });

  it("refuses the shapes a forged message takes", () => {
    const svgPicture = { testPath: ["t"], profileId: "3.11", arenas: 1, svg: "<img src=x onerror=alert(1)>" };
    const refused: unknown[] = [
      null,
      "done",
      [],
      { kind: "done" },
      { kind: "eval", code: "alert(1)" },
      { kind: "test-started", path: "not a list" },
      { kind: "test-started", path: [1] },
      done({ heaps: [svgPicture] }), // the old protocol's markup: no map, so refused
      done({ heaps: [{ ...done().heaps[0], arenas: "1" }] }),
      done({ heaps: [{ ...done().heaps[0], arenas: 1.5 }] }),
      done({ heaps: [{ ...done().heaps[0], map: [{ slot: -1, released: false, pools: [] }] }] }),
      done({ heaps: [{ ...done().heaps[0], map: [{ slot: 0, released: "no", pools: [] }] }] }),
      done({ result: { ...done().result, tests: [{ path: ["t"], status: "<b>pass</b>", durationMs: 1 }] } }),
      done({ result: { ...done().result, durationMs: Number.NaN } }),
      done({ result: { ...done().result, console: [{ level: "log", text: 42 }] } }),
      done({ result: { ...done().result, loadError: { name: "E" } } }),
    ];
    for (const m of refused) expect(readRunnerMessage(m), JSON.stringify(m)).toBeUndefined();
  });

  it("refuses what is too large to show", () => {
    const many = Array.from({ length: LIMITS.tests + 1 }, () => ({
      path: ["t"],
      status: "pass",
      durationMs: 0,
    }));
    expect(readRunnerMessage(done({ result: { ...done().result, tests: many } }))).toBeUndefined();
    const long = "x".repeat(LIMITS.name + 1);
    expect(readRunnerMessage({ kind: "test-started", path: [long] })).toBeUndefined();
    const pictures = Array.from({ length: LIMITS.pictures + 1 }, () => done().heaps[0]);
    expect(readRunnerMessage(done({ heaps: pictures }))).toBeUndefined();
  });

  it("the worker cuts a large but honest result to fit, and the page accepts it", () => {
    const result = {
      tests: [
        {
          path: ["x".repeat(LIMITS.name * 2)],
          status: "fail" as const,
          durationMs: 1,
          error: { name: "E", message: "m".repeat(LIMITS.message * 2) },
        },
      ],
      console: Array.from({ length: LIMITS.consoleLines * 3 }, (_, k) => ({
        level: "log" as const,
        text: `${k} ${"y".repeat(LIMITS.consoleLineChars)}`,
      })),
      durationMs: 9,
    };
    const fitted = fitRunResult(result);
    expect(fitted.console).toHaveLength(LIMITS.consoleLines);
    expect(fitted.console.at(-1)?.text).toContain(`${LIMITS.consoleLines * 2 + 1} more lines`);
    expect(fitted.tests[0]?.error?.message).toHaveLength(LIMITS.message);
    expect(readRunnerMessage({ kind: "done", result: fitted, heaps: [] })).toEqual({
      kind: "done",
      result: fitted,
      heaps: [],
    });
  });

  it("a run's text in all is cut to the budget: failures first, every test still counted", () => {
    const tests = Array.from({ length: 5000 }, (_, k) => ({
      path: ["flood", `test ${k}`],
      status: k % 2 ? ("fail" as const) : ("pass" as const),
      durationMs: 1,
      ...(k % 2 ? { error: { name: "Error", message: "x".repeat(10_000) } } : {}),
    }));
    const result = { tests, console: [{ level: "log" as const, text: "y".repeat(1000) }], durationMs: 5 };
    const { result: fitted, cut } = fitOutput(result, 100_000);
    expect(cut).toBe(true);
    expect(fitted.tests).toHaveLength(5000);
    expect(fitted.tests.filter((t) => t.status === "fail")).toHaveLength(2500);
    const chars = fitted.tests.reduce(
      (n, t) => n + t.path.join("").length + (t.error ? t.error.name.length + t.error.message.length : 0),
      0,
    );
    expect(chars).toBeLessThanOrEqual(100_000);
    expect(fitted.tests[1]?.error?.message).toHaveLength(10_000); // the first failures are whole
    expect(fitted.tests[0]?.path).toEqual([]); // the passing ones come after the failures, out of budget
    expect(fitted.console).toEqual([]);
    expect(readRunnerMessage({ kind: "done", result: fitted, heaps: [], cut })).toMatchObject({ cut: true });
    // A small result passes unchanged.
    const small = { tests: tests.slice(0, 2), console: [], durationMs: 1 };
    expect(fitOutput(small, 100_000)).toEqual({ result: small, cut: false });
  });
});
