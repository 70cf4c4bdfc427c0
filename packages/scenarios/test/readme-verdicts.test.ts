// The README's verdicts in brief are generated from the claims (src/verdict-summary.ts): a verdict
// changed in a claim.ts and not in the README fails here. UPDATE_README=1 rewrites the block.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIMS } from "../src/index.js";
import { SCENARIOS_DIR } from "../src/node.js";
import {
  VERDICT_SUMMARY_END,
  VERDICT_SUMMARY_START,
  verdictSummaryMarkdown,
  versionRanges,
} from "../src/verdict-summary.js";

const README = resolve(SCENARIOS_DIR, "../../README.md");

describe("the README's verdicts", () => {
  it("writes version ranges as runs", () => {
    expect(versionRanges(["2.7", "3.6", "3.7"])).toBe("2.7–3.7");
    expect(versionRanges(["3.14", "3.15"])).toBe("3.14+");
    expect(versionRanges(["3.11"])).toBe("3.11");
    expect(versionRanges(["2.7", "3.12", "3.13"])).toBe("2.7, 3.12–3.13");
  });

  it("are the claims' own", () => {
    const text = readFileSync(README, "utf8");
    const start = text.indexOf(VERDICT_SUMMARY_START);
    const end = text.indexOf(VERDICT_SUMMARY_END);
    expect(start, `README.md has no ${VERDICT_SUMMARY_START} line`).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const block = `${VERDICT_SUMMARY_START}\n\n${verdictSummaryMarkdown(CLAIMS)}\n\n`;
    const current = text.slice(start, end);
    if (current !== block && process.env.UPDATE_README === "1")
      writeFileSync(README, text.slice(0, start) + block + text.slice(end));
    else expect(current, "README.md's verdicts are stale: run with UPDATE_README=1").toBe(block);
  });
});
