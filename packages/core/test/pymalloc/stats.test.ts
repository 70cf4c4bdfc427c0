// The statistics text: CPython's layout (printone's 35 + 21 columns, the row format), and the
// accounting identity its Total lines state. Exact agreement with real interpreters is the oracle's test.
import { describe, expect, it } from "vitest";
import { allocatedBlocks, debugMallocStats, printone } from "../../src/index.js";
import { model } from "./helpers.js";

describe("printone", () => {
  it("pads the label to 35 columns and right-aligns the value with commas in 21", () => {
    expect(printone("# arenas allocated total", 4)).toBe(
      `# arenas allocated total${" ".repeat(11)}=${" ".repeat(20)}4`,
    );
    expect(printone("Total", 4194304)).toBe(`Total${" ".repeat(30)}=${" ".repeat(12)}4,194,304`);
    expect(printone("x".repeat(40), 0)).toBe(`${"x".repeat(40)}=${" ".repeat(20)}0`);
  });
});

describe("debugMallocStats", () => {
  it("prints CPython's header, one row per size class in use, and totals that add up", () => {
    const pm = model("3.11", { placement: { misalign: 4096 } });
    for (const n of [1, 16, 17, 500]) pm.malloc(n);
    const text = debugMallocStats(pm);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Small block threshold = 512, in 32 size classes.");
    expect(lines.slice(2, 7)).toEqual([
      "class   size   num pools   blocks in use  avail blocks",
      "-----   ----   ---------   -------------  ------------",
      "    0     16           1               2          1019",
      "    1     32           1               1           509",
      "   31    512           1               1            30",
    ]);
    expect(text).toContain(printone("# bytes lost to arena alignment", 16384));
    expect(text).toContain(printone("60 unused pools * 16384 bytes", 60 * 16384));
    expect(text).toContain(printone("Total", 1048576));
    expect(text).toContain("arena map counts");
    expect(allocatedBlocks(pm)).toBe(4);
  });

  it("has no radix-tree section before 3.10, and only the root line on 32-bit", () => {
    const old = model("3.9");
    old.malloc(8);
    expect(debugMallocStats(old)).not.toContain("arena map");
    const small = model("3.12-32bit");
    small.malloc(8);
    const text = debugMallocStats(small);
    expect(text).toContain(printone("# bytes lost to arena map root", 131072));
    expect(text).not.toContain("arena map mid");
    expect(text.startsWith("Small block threshold = 512, in 64 size classes.")).toBe(true);
  });
});
