// The report's arithmetic: medians after warm-up, rows and ratios, and how targets are judged.
import { describe, expect, it } from "vitest";
import { bestOfRounds, makeRow, median, type Row, steadyMedian, targets } from "../src/report.js";

const row = (trace: string, live: number, sizes: string, model: number, native: number | null): Row =>
  makeRow(trace, live, sizes, [[999, model]], native === null ? null : [[999, native]]);

describe("medians", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it("drops the warm-up repeats first", () => {
    expect(steadyMedian([100, 5, 7, 6])).toBe(6);
    expect(steadyMedian([100])).toBe(100); // nothing left after the warm-up: keep it
  });

  it("takes the lowest of the rounds' steady medians", () => {
    expect(
      bestOfRounds([
        [1, 9, 8, 7],
        [50, 6, 30, 6],
      ]),
    ).toBe(6); // medians 8 and 6; 1 is a warm-up
    expect(() => bestOfRounds([])).toThrow(RangeError);
  });
});

describe("rows", () => {
  it("rounds the medians and divides model by native", () => {
    const model = [
      [50, 10, 12, 11],
      [40, 13, 14, 13],
    ];
    expect(makeRow("churn", 16, "1-64", model, [[9, 4, 4, 4]])).toEqual({
      trace: "churn",
      live: 16,
      sizes: "1-64",
      model_ns_per_op: 11,
      native_ns_per_op: 4,
      ratio: 2.75,
    });
  });

  it("has no ratio without a native measurement", () => {
    expect(row("lifo", 0, "1-64", 10, null)).toMatchObject({ native_ns_per_op: null, ratio: null });
  });
});

describe("targets", () => {
  const memory = { simulated_bytes: 2 ** 30, model_bytes: 2 ** 28, rss_delta_bytes: 2 ** 28 };
  const suite = {
    model_only: { seconds: 2, note: null },
    all_interpreters: { seconds: null, note: "not measured" },
  };

  it("judges the churn ratio by the worst churn row only", () => {
    const rows = [
      row("churn", 1024, "1-64", 6, 4),
      row("churn", 16, "1-512", 9, 3),
      row("lifo", 0, "1-64", 50, 5),
    ];
    const [ratio] = targets(rows, memory, suite);
    expect(ratio).toMatchObject({ value: 3, met: false, factor: 1.5 });
  });

  it("compares 10M live with 1K live on churn 1-64, and leaves it unjudged without 10M", () => {
    const rows = [row("churn", 1024, "1-64", 10, 4), row("churn", 10_000_000, "1-64", 14, 40)];
    expect(targets(rows, memory, suite)[1]).toMatchObject({ value: 1.4, met: true });
    expect(targets(rows.slice(0, 1), memory, suite)[1]).toMatchObject({ value: null, met: null });
  });

  it("compares the model's growth from 1K to 10M live with native's", () => {
    // model 10 -> 140 (14x), native 4 -> 40 (10x): 1.4
    const rows = [row("churn", 1024, "1-64", 10, 4), row("churn", 10_000_000, "1-64", 140, 40)];
    expect(targets(rows, memory, suite)[2]).toMatchObject({ value: 1.4, met: true });
    const noNative = [row("churn", 1024, "1-64", 10, null), row("churn", 10_000_000, "1-64", 140, null)];
    expect(targets(noNative, memory, suite)[2]).toMatchObject({ value: null, met: null });
  });

  it("judges memory by RSS growth per simulated byte, and suites by their seconds", () => {
    const [, , , rss, model, all] = targets([], memory, suite);
    expect(rss).toMatchObject({ value: 0.25, met: true });
    expect(model).toMatchObject({ value: 2, met: true });
    expect(all).toMatchObject({ value: null, met: null });
  });
});
